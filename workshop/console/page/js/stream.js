// The live list of events, newest first, capped so a busy system cannot grow the page without bound.
// A filter narrows it to one order; clicking an order id selects that order everywhere.
import { clock, el, shortId } from './dom.js';

const MAX_ROWS = 200;

export class EventStream {
  constructor(list, filterInput, onSelect) {
    this.list = list;
    this.filterInput = filterInput;
    this.onSelect = onSelect;
    this.filterInput.addEventListener('input', () => this.applyFilter());
  }

  add(message) {
    const row = message.kind === 'event' ? this.eventRow(message) : this.problemRow(message);
    // From the broker's timestamp to the screen: what "live" means here, kept for the browser tests.
    if (message.kind === 'event') row.dataset.delayMs = String(Date.now() - message.at);
    this.list.prepend(row);
    this.show(row);
    while (this.list.childElementCount > MAX_ROWS) this.list.lastElementChild.remove();
  }

  eventRow(event) {
    return el(
      'li',
      {
        class: event.compensation ? 'event compensation' : 'event',
        'data-order': event.orderId,
        'data-type': event.type,
      },
      el('time', {}, clock(event.at)),
      el('span', { class: 'type' }, event.type),
      this.orderLink(event.orderId),
      el('span', { class: 'where' }, `${event.topic}/${event.partition}@${event.offset}`),
      el('span', { class: 'producer' }, event.producer),
    );
  }

  problemRow(message) {
    const deadLetter = message.kind === 'dead-letter';
    return el(
      'li',
      { class: 'event poison', 'data-order': message.orderId ?? message.key ?? '', 'data-type': message.kind },
      el('time', {}, clock(Date.now())),
      el('span', { class: 'type' }, deadLetter ? `dead letter → ${message.group}.dlt` : 'undecodable'),
      message.orderId ? this.orderLink(message.orderId) : el('span', { class: 'order' }, message.key ?? ''),
      el(
        'span',
        { class: 'where' },
        deadLetter ? `offset ${message.offset}` : `${message.topic}/${message.partition}@${message.offset}`,
      ),
      el('span', { class: 'producer' }, deadLetter ? (message.headers['dlt.error.type'] ?? '') : message.error),
    );
  }

  orderLink(orderId) {
    const link = el(
      'button',
      { type: 'button', class: 'order', title: orderId, 'data-order-link': orderId },
      shortId(orderId),
    );
    link.addEventListener('click', () => this.onSelect(orderId));
    return link;
  }

  setFilter(orderId) {
    this.filterInput.value = orderId;
    this.applyFilter();
  }

  applyFilter() {
    for (const row of this.list.children) this.show(row);
  }

  show(row) {
    const filter = this.filterInput.value.trim();
    row.hidden = filter !== '' && !(row.dataset.order ?? '').includes(filter);
  }
}
