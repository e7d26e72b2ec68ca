// Event sourcing in the order service: an order is its stream of events, its state is their fold, and
// the stream is also the outbox the relay publishes from, so what is stored and what went to Kafka are
// the same records. The other services store state (one row per order), which is the contrast.
import type { HistoryEntry } from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';

function historyTable(entries: HistoryEntry[]): string {
  const rows = entries.map((entry) => [
    `v${entry.version}`,
    entry.type,
    entry.publishedTo ? `→ ${entry.publishedTo}` : 'accepted',
    entry.state.status,
    entry.state.totalAmount === undefined ? '-' : `${entry.state.totalAmount} ${entry.state.currency}`,
    entry.state.shipped ? 'yes' : 'no',
  ]);
  const header = ['version', 'event', 'published', 'status after', 'total after', 'shipped after'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const eventSourcing: Scenario = {
  name: 'event-sourcing',
  summary: "an order's event stream, the state after each event, the state at an earlier version",
  concept: 'event sourcing: state is a fold of the events, and the event store is the outbox',
  async run({ narrator, gateway, kafka }) {
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    await gateway.terminal(orderId);
    await narrator.step(
      "The order's stream",
      'GET /orders/{id}/history: the order service stores no order row, only these events; each state is',
      'the previous one plus that event. StockReserved and ShipmentScheduled are facts it accepted from',
      'inventory and shipping; OrderPlaced and OrderConfirmed are its own, published from these very rows.',
    );
    const history = await gateway.history(orderId);
    narrator.show(historyTable(history.events));
    const versions = history.events.map((entry) => entry.version);
    narrator.claim(
      `the stream runs v1 to v${history.latestVersion} without a gap`,
      versions.every((version, i) => version === i + 1) && versions.length === history.latestVersion,
    );
    const types = history.events.map((entry) => entry.type);
    narrator.claim(
      'it starts with OrderPlaced and ends with OrderConfirmed',
      types[0] === 'OrderPlaced' && types.at(-1) === 'OrderConfirmed',
      types.join(' → '),
    );
    const order = await gateway.order(orderId);
    narrator.claim(
      `the state folded from it is what the gateway shows: ${history.state.status}, ${history.state.totalAmount} ${history.state.currency}`,
      history.state.status === order.status && history.state.totalAmount === order.totalAmount,
    );

    const pricedAt = history.events.find((entry) => entry.type === 'StockReserved')!.version;
    await narrator.step(
      `The state at an earlier version: GET /orders/{id}/history?version=${pricedAt}`,
      'Nothing was overwritten, so any earlier state is the fold of the stream up to that version.',
    );
    const earlier = await gateway.history(orderId, pricedAt);
    narrator.claim(
      `at v${pricedAt} the order was ${earlier.state.status}, priced at ${earlier.state.totalAmount} ${earlier.state.currency}`,
      earlier.state.status === 'PENDING' &&
        earlier.state.totalAmount === order.totalAmount &&
        JSON.stringify(earlier.state) === JSON.stringify(history.events[pricedAt - 1]!.state),
    );

    await narrator.step(
      'The event store is the outbox',
      "The relay publishes the order's own events from the stream and marks them published: it deletes",
      'nothing, so the store and what went to Kafka cannot disagree. Read the records back from Kafka.',
    );
    const timeline = await gateway.timelineWith(orderId, types);
    const positions = timeline.filter((entry) => history.events.some((e) => e.eventId === entry.eventId));
    const onKafka = new Map<string, string>();
    for (const record of await kafka.readAt(positions)) {
      const decoded = await kafka.serde.decode(record.message.value);
      onKafka.set(decoded.value.envelope.eventId, record.topic);
    }
    const own = history.events.filter((entry) => entry.publishedTo);
    narrator.claim(
      `its ${own.length} own events are on ${own[0]?.publishedTo} with the eventIds the store holds`,
      own.length > 0 && own.every((entry) => onKafka.get(entry.eventId) === entry.publishedTo),
    );
    const accepted = history.events.filter((entry) => !entry.publishedTo);
    narrator.claim(
      `its ${accepted.length} accepted events are the records the other services wrote (${accepted
        .map((entry) => `${entry.type} on ${onKafka.get(entry.eventId)}`)
        .join(', ')})`,
      accepted.every((entry) => onKafka.has(entry.eventId)),
    );
    const again = await gateway.history(orderId);
    narrator.claim(
      'published events stay in the stream: nothing was deleted after the relay sent it',
      again.events.length === history.events.length,
    );
  },
};
