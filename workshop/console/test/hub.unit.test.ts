// The console's fan-out under load: past a client's per-second budget saga events are counted as
// dropped instead of sent, while dead letters and the followed order's events always get through; and
// every page is told where the tap stands.
import { ConsoleHub } from '../src/hub';
import type { BatchMessage, EventMessage, FeedMessage, StatusMessage } from '../src/messages';

const event = (orderId: string, offset: number): EventMessage => ({
  kind: 'event',
  type: 'OrderPlaced',
  orderId,
  topic: 'order.events',
  partition: 0,
  offset: String(offset),
  producer: 'order-service',
  at: 0,
  compensation: false,
});

function client(hub: ConsoleHub, follows?: string) {
  const batches: BatchMessage[] = [];
  hub.add(
    {
      write: (chunk) => {
        if (chunk.startsWith('event: batch')) batches.push(JSON.parse(chunk.split('data: ')[1]!) as BatchMessage);
      },
      end: () => {},
    },
    follows,
  );
  return batches;
}

describe('the console hub', () => {
  let now = 0;
  const hub = () =>
    new ConsoleHub(
      { flushMs: 60_000, maxEventsPerSecond: 10, keepAliveMs: 60_000, replayMs: 3_000, replayMax: 50 },
      () => now,
    );

  it('sends at most the budget per second and reports the rest as dropped', () => {
    const consoleHub = hub();
    const batches = client(consoleHub);
    consoleHub.publish(Array.from({ length: 25 }, (_, i) => event(`order-${i}`, i)));
    consoleHub.flush();
    expect(batches[0]?.messages).toHaveLength(10);
    expect(batches[0]?.dropped).toBe(15);

    now += 1000;
    consoleHub.publish([event('later', 99)]);
    consoleHub.flush();
    expect(batches[1]).toEqual({ kind: 'batch', messages: [event('later', 99)], dropped: 0 });
    consoleHub.close();
  });

  it('never drops dead letters or the events of the order a client follows', () => {
    const consoleHub = hub();
    const batches = client(consoleHub, 'watched');
    const deadLetter: FeedMessage = {
      kind: 'dead-letter',
      group: 'payment-service',
      offset: '3',
      key: 'k',
      headers: {},
    };
    consoleHub.publish([...Array.from({ length: 20 }, (_, i) => event('busy', i)), event('watched', 50), deadLetter]);
    consoleHub.flush();
    const sent = batches[0]!.messages;
    expect(sent).toContainEqual(event('watched', 50));
    expect(sent).toContainEqual(deadLetter);
    expect(batches[0]!.dropped).toBe(10);
    consoleHub.close();
  });

  it('gives a client that (re)connects the last seconds again, so switching streams loses nothing', () => {
    const consoleHub = hub();
    consoleHub.publish([event('old', 1)]);
    now += 5_000;
    consoleHub.publish([event('just-before', 2)]);
    const batches = client(consoleHub, 'just-before');
    consoleHub.flush();
    expect(batches[0]?.messages).toEqual([event('just-before', 2)]);
    consoleHub.close();
  });

  it('tells a page where the tap stands as it connects, and every page when that changes', () => {
    const consoleHub = hub();
    const statuses: StatusMessage[] = [];
    consoleHub.add({
      write: (chunk) => {
        if (chunk.startsWith('event: status')) statuses.push(JSON.parse(chunk.split('data: ')[1]!) as StatusMessage);
      },
      end: () => {},
    });
    consoleHub.setStatus({ kind: 'status', tap: 'live', groupId: 'workshop-console-tap-1' });
    const later: string[] = [];
    consoleHub.add({ write: (chunk) => later.push(chunk), end: () => {} });

    expect(statuses.map((status) => status.tap)).toEqual(['joining', 'live']);
    expect(later[0]).toBe(
      `event: status\ndata: ${JSON.stringify({ kind: 'status', tap: 'live', groupId: 'workshop-console-tap-1' })}\n\n`,
    );
    consoleHub.close();
  });
});
