// Boots the console: reads the settings and the system map once, then lives on one Server-Sent Events
// stream (/api/stream). Nothing here polls: every change on screen arrives on that stream. Opening it is
// what starts the console's Kafka tap, and the page says `live` only once the stream says the tap joined.
import { get } from './api.js';
import { byId } from './dom.js';
import { Controls } from './controls.js';
import { DeadLetterView } from './dead-letters.js';
import { SystemMap } from './map.js';
import { SagaView } from './saga.js';
import { EventStream } from './stream.js';

const settings = await get('/api/settings');
const map = new SystemMap(byId('map'), await get('/api/system-map'));
const saga = new SagaView({ title: byId('saga-title'), swimlane: byId('swimlane'), history: byId('history') });
const stream = new EventStream(byId('stream'), byId('filter'), select);
const controls = new Controls(
  { breakers: byId('breakers'), faults: byId('faults'), result: byId('action-result') },
  select,
);
const deadLetters = new DeadLetterView(
  { select: byId('dlt-group'), reload: byId('dlt-reload'), list: byId('dead-letters') },
  settings.groups,
  (text, failed) => controls.report(text, failed),
);
deadLetters.actions = settings.actions;
byId('actions-off').hidden = settings.actions;
for (const button of document.querySelectorAll('[data-place], #cancel-order')) button.disabled = !settings.actions;

let selected;
let source;
let dropped = 0;

/** Selects an order: its saga and history, the stream filtered to it, and a stream that never drops it. */
function select(orderId) {
  selected = orderId;
  byId('cancel-order').disabled = !settings.actions;
  stream.setFilter(orderId);
  showTab('saga');
  connect();
  void saga.select(orderId);
}

byId('cancel-order').addEventListener('click', () => selected && controls.cancel(selected));

/**
 * (Re)opens the stream, following the selected order. The previous stream stays open until the new one
 * is, so nothing written in between is missed; the overlap's duplicates are dropped by position.
 */
function connect() {
  const previous = source;
  const query = selected ? `?order=${encodeURIComponent(selected)}` : '';
  const next = new EventSource(`/api/stream${query}`);
  source = next;
  next.addEventListener('open', () => previous?.close());
  next.addEventListener('error', () => next === source && showConnection('reconnecting', 'reconnecting…'));
  next.addEventListener('status', (message) => {
    if (next !== source) return;
    const { tap, detail } = JSON.parse(message.data);
    if (tap === 'live') showConnection('live', 'live');
    else if (tap === 'failed') showConnection('failed', `no tap: ${detail ?? 'it could not join'}; retrying…`);
    else showConnection('joining', 'joining the Kafka tap…');
  });
  next.addEventListener('batch', (message) => onBatch(JSON.parse(message.data)));
  next.addEventListener('stats', (message) => {
    if (next !== source) return;
    const stats = JSON.parse(message.data);
    map.stats(stats);
    controls.stats(stats);
  });
}

/** The header's connection state: connecting, joining, live, failed or reconnecting. */
function showConnection(state, text) {
  const connection = byId('connection');
  connection.dataset.state = state;
  connection.textContent = text;
}

const seen = new Set();
const SEEN_LIMIT = 5000;

/** True the first time a record is shown; a Set in insertion order, trimmed from its oldest end. */
function firstSighting(message) {
  const position =
    message.kind === 'dead-letter'
      ? `${message.group}.dlt@${message.offset}`
      : `${message.topic}/${message.partition}@${message.offset}`;
  if (seen.has(position)) return false;
  seen.add(position);
  if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value);
  return true;
}

function onBatch({ messages, dropped: droppedNow }) {
  for (const message of messages) {
    if (!firstSighting(message)) continue;
    stream.add(message);
    if (message.kind === 'event') {
      map.flash(message);
      saga.add(message);
    } else if (message.kind === 'dead-letter') {
      map.deadLetter(message.group);
      deadLetters.add(message);
    }
  }
  if (droppedNow > 0) {
    dropped += droppedNow;
    const counter = byId('dropped');
    counter.hidden = false;
    counter.textContent = `${dropped} events dropped from the view (over the per-second budget)`;
  }
}

function showTab(name) {
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const active = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(active));
    byId(`tab-${tab.dataset.tab}`).hidden = !active;
  }
  if (name === 'dead-letters') void deadLetters.load();
  if (name === 'history') saga.refreshHistory();
}
for (const tab of document.querySelectorAll('[role="tab"]'))
  tab.addEventListener('click', () => showTab(tab.dataset.tab));

connect();
