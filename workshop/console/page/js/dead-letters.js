// A group's dead-letter topic: every record with its headers (why, where and when it failed), read once
// when the group is chosen and then extended live from the stream; Replay sends one back to its original
// topic through the same code as `npm run dlt -- replay`.
import { get, request } from './api.js';
import { el, replaceChildren } from './dom.js';

export class DeadLetterView {
  constructor({ select, reload, list }, groups, report) {
    this.select = select;
    this.list = list;
    this.report = report;
    this.actions = false;
    replaceChildren(select, ...groups.map((group) => el('option', { value: group }, group)));
    select.addEventListener('change', () => this.load());
    reload.addEventListener('click', () => this.load());
  }

  get group() {
    return this.select.value;
  }

  async load() {
    const group = this.group;
    replaceChildren(this.list, el('li', { class: 'muted' }, `reading ${group}.dlt…`));
    try {
      const { letters } = await get(`/api/dead-letters/${encodeURIComponent(group)}`);
      if (group !== this.group) return;
      // The stream may have added cards while the topic was read (and one may have been replayed since):
      // those stay as they are, so a slow read never turns a "Replayed" button back into "Replay".
      const shown = new Map([...this.list.querySelectorAll('li.dead-letter')].map((li) => [li.dataset.offset, li]));
      const read = new Set(letters.map((letter) => letter.offset));
      const newer = [...shown.values()].filter((li) => !read.has(li.dataset.offset));
      replaceChildren(this.list, ...letters.map((letter) => shown.get(letter.offset) ?? this.card(letter)), ...newer);
      if (this.list.children.length === 0)
        this.list.append(el('li', { class: 'muted empty' }, `${group}.dlt is empty`));
    } catch (error) {
      replaceChildren(this.list, el('li', { class: 'error' }, error.message));
    }
  }

  /** A dead letter from the stream: shown at once when its group is on screen. */
  add(letter) {
    if (letter.group !== this.group) return;
    this.list.querySelector('.empty')?.remove();
    if (!this.list.querySelector(`[data-offset="${CSS.escape(letter.offset)}"]`)) this.list.append(this.card(letter));
  }

  card(letter) {
    const replay = el('button', { type: 'button', class: 'replay', disabled: !this.actions }, 'Replay');
    replay.addEventListener('click', async () => {
      replay.disabled = true;
      try {
        const { replayed } = await request(
          'POST',
          `/api/actions/dead-letters/${encodeURIComponent(letter.group)}/replay`,
          { offsets: [letter.offset] },
        );
        replay.textContent = `Replayed to ${replayed.map((r) => r.topic).join(', ')}`;
        this.report(`replayed ${letter.group}.dlt offset ${letter.offset}`);
      } catch (error) {
        replay.disabled = false;
        this.report(`replay failed: ${error.message}`, true);
      }
    });
    const headers = Object.entries(letter.headers).flatMap(([name, value]) => [
      el('dt', {}, name),
      el('dd', {}, value),
    ]);
    return el(
      'li',
      { class: 'dead-letter', 'data-offset': letter.offset, 'data-order': letter.orderId ?? '' },
      el(
        'p',
        {},
        el('strong', {}, `offset ${letter.offset}`),
        ` ${letter.type ?? 'unknown type'} · key ${letter.key ?? '(none)'} · `,
        el('span', { class: 'error-type' }, letter.headers['dlt.error.type'] ?? ''),
        ' ',
        replay,
      ),
      el('p', { class: 'error-message' }, letter.headers['dlt.error.message'] ?? ''),
      el('details', {}, el('summary', {}, 'headers'), el('dl', {}, ...headers)),
    );
  }
}
