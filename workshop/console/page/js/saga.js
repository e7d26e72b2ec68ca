// One order's saga as a swimlane, one lane per service, its steps top to bottom in the order they were
// written; compensations are marked. Built from the order's timeline in the gateway's read model (its GET
// /orders/{id}/events, read through the console's /api, once, on selection) merged with what arrives
// live. The History tab shows the order's event-sourced states (GET /orders/{id}/history) key by key.
// The title links the order's trace in the trace viewer once the gateway knows it (GET /orders/{id}).
import { get } from './api.js';
import { clock, el, replaceChildren, shortId } from './dom.js';

const LANES = ['gateway', 'order-service', 'inventory-service', 'payment-service', 'shipping-service'];
const COMPENSATIONS = new Set(['OrderCancelled', 'StockReleased', 'PaymentRefunded', 'ShipmentCancelled']);
const OUTCOMES = { OrderConfirmed: 'CONFIRMED', OrderCancelled: 'CANCELLED' };

export class SagaView {
  constructor({ title, swimlane, history }) {
    this.title = title;
    this.swimlane = swimlane;
    this.historyRoot = history;
    this.orderId = undefined;
    this.steps = new Map();
    this.traceUrl = undefined;
    /** The order whose trace link is being read, if one is. */
    this.traceLoading = undefined;
  }

  async select(orderId) {
    this.orderId = orderId;
    this.steps = new Map();
    this.traceUrl = undefined;
    this.render();
    const [timeline] = await Promise.all([
      get(`/api/orders/${encodeURIComponent(orderId)}/events`).catch(() => []),
      this.loadHistory(orderId),
      this.loadTrace(orderId),
    ]);
    if (this.orderId !== orderId) return;
    for (const entry of timeline) {
      this.add({ ...entry, at: Date.parse(entry.occurredAt), compensation: COMPENSATIONS.has(entry.type) }, false);
    }
    this.render();
  }

  /** A live event: kept only if it belongs to the selected order. */
  add(event, render = true) {
    if (event.orderId !== undefined && event.orderId !== this.orderId) return;
    this.steps.set(`${event.topic}/${event.partition}@${event.offset}`, event);
    if (render) this.render();
    // A just-placed order has no trace id until the gateway has read its first record back: ask again.
    if (render && !this.traceUrl) void this.loadTrace(this.orderId);
  }

  /** The order's trace link, from the console's GET /api/orders/{id}; one request per order at a time. */
  async loadTrace(orderId) {
    if (this.traceLoading === orderId) return;
    this.traceLoading = orderId;
    try {
      const order = await get(`/api/orders/${encodeURIComponent(orderId)}`).catch(() => undefined);
      if (this.orderId !== orderId || !order?.traceUrl) return;
      this.traceUrl = order.traceUrl;
      this.render();
    } finally {
      if (this.traceLoading === orderId) this.traceLoading = undefined;
    }
  }

  status() {
    const outcome = [...this.steps.values()].map((step) => OUTCOMES[step.type]).find(Boolean);
    return outcome ?? 'PENDING';
  }

  render() {
    if (!this.orderId) return;
    const status = this.status();
    replaceChildren(
      this.title,
      'Order ',
      el('code', { title: this.orderId }, this.orderId),
      ' ',
      el('strong', { id: 'saga-status', class: `status ${status}`, 'data-status': status }, status),
      ...(this.traceUrl
        ? [
            ' ',
            el('a', { id: 'saga-trace', href: this.traceUrl, target: '_blank', rel: 'noopener noreferrer' }, 'trace'),
          ]
        : []),
    );
    const steps = [...this.steps.values()].sort(
      (a, b) => a.at - b.at || String(a.offset).localeCompare(String(b.offset)),
    );
    // Lanes are columns (one per service), time runs downwards: fits a narrow panel like a sequence diagram.
    const names = LANES.map((lane, column) => {
      const name = el('div', { class: 'lane-name' }, lane.replace(/-service$/, ''));
      name.style.gridColumn = String(column + 1);
      return name;
    });
    const cells = steps.map((step, row) => {
      const cell = el(
        'div',
        {
          class: step.compensation ? 'step compensation' : 'step',
          'data-type': step.type,
          title: `${step.topic}/${step.partition}@${step.offset}`,
        },
        step.compensation ? el('span', { class: 'marker', title: 'compensation' }, '↺ ') : null,
        el('span', { class: 'step-type' }, step.type),
        el('time', { title: clock(step.at) }, `:${clock(step.at).slice(6)}`),
      );
      // CSSOM, not a style attribute: allowed under the page's Content-Security-Policy.
      cell.style.gridColumn = String(Math.max(LANES.indexOf(step.producer), 0) + 1);
      cell.style.gridRow = String(row + 2);
      return cell;
    });
    const grid = el('div', { class: 'lanes', 'data-order': this.orderId }, ...names, ...cells);
    replaceChildren(this.swimlane, grid);
  }

  async loadHistory(orderId) {
    replaceChildren(this.historyRoot, el('p', {}, 'loading…'));
    let entries;
    try {
      entries = await get(`/api/orders/${encodeURIComponent(orderId)}/history`);
    } catch (error) {
      const message = error.status === 404 ? 'history not available' : `history could not be read: ${error.message}`;
      return replaceChildren(this.historyRoot, el('p', { class: 'muted', id: 'history-unavailable' }, message));
    }
    if (this.orderId !== orderId) return;
    // GET /orders/{id}/history: the order's stream, each event with the order's state after it.
    const events = entries?.events ?? [];
    replaceChildren(
      this.historyRoot,
      el('h3', {}, `History of ${shortId(orderId)}: ${events.length} event(s), version ${entries?.version ?? '–'}`),
      el('ol', { class: 'history' }, ...events.map(historyEntry)),
    );
  }

  /** The History tab was opened: show the stream as it is now, not as it was when the order was selected. */
  refreshHistory() {
    if (this.orderId) void this.loadHistory(this.orderId);
  }
}

/** One version of the stream: what happened, then the order as it stood afterwards. */
function historyEntry(entry) {
  const { status, totalAmount, currency, shipped } = entry.state ?? {};
  const price = totalAmount === undefined ? 'not priced' : `${totalAmount} ${currency ?? ''}`.trim();
  return el(
    'li',
    {},
    el('strong', {}, `v${entry.version} ${entry.type}`),
    el(
      'span',
      { class: 'muted' },
      ` ${clock(Date.parse(entry.recordedAt))}${entry.publishedTo ? ` → ${entry.publishedTo}` : ''}`,
    ),
    el('div', {}, `state after it: ${status} · ${price} · ${shipped ? 'shipped' : 'not shipped'}`),
    keyValues(entry.event ?? {}),
  );
}

/** Any JSON as nested definition lists, text only. */
function keyValues(value) {
  if (value === null || typeof value !== 'object') return el('span', {}, String(value));
  return el(
    'dl',
    {},
    ...Object.entries(value).flatMap(([key, inner]) => [el('dt', {}, key), el('dd', {}, keyValues(inner))]),
  );
}
