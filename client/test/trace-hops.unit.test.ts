// One order's trace as Zipkin answers it (spans in no particular order), read back hop by hop.
import { hopLines, hopsOf, traceSummary, type ZipkinSpan } from '@saga/client';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const T0 = 1_767_225_600_000_000; // µs

function span(id: string, service: string, name: string, at: number, extra: Partial<ZipkinSpan> = {}): ZipkinSpan {
  return {
    traceId: TRACE,
    id,
    name,
    timestamp: T0 + at,
    duration: 100,
    localEndpoint: { serviceName: service },
    ...extra,
  };
}
const kafka = (eventType: string) => ({ tags: { 'messaging.system': 'kafka', 'saga.event_type': eventType } });

// A declined payment: the gateway's request, its command, the order service's event, the payment call.
const spans: ZipkinSpan[] = [
  span('e', 'payment', 'POST', 4_000, { parentId: 'd', kind: 'CLIENT' }),
  span('c', 'order', 'send order.events', 2_000, { parentId: 'b', kind: 'PRODUCER', ...kafka('OrderPlaced') }),
  span('a', 'gateway', 'POST /orders', 0, { kind: 'SERVER' }),
  span('f', 'payment-provider', 'POST /charges', 4_500, { parentId: 'e', kind: 'SERVER' }),
  span('b', 'order', 'process order.commands', 1_000, { parentId: 'g', kind: 'CONSUMER', ...kafka('PlaceOrder') }),
  span('d', 'payment', 'process order.events', 3_000, { parentId: 'c', kind: 'CONSUMER', ...kafka('OrderPlaced') }),
  span('g', 'gateway', 'send order.commands', 0, { parentId: 'a', kind: 'PRODUCER', ...kafka('PlaceOrder') }),
];

describe('reading a trace hop by hop', () => {
  it('orders the spans by start, a parent before its child when they start together', () => {
    expect(hopsOf(spans).map((hop) => hop.name)).toEqual([
      'POST /orders',
      'send order.commands',
      'process order.commands',
      'send order.events',
      'process order.events',
      'POST',
      'POST /charges',
    ]);
  });

  it("gives each hop its service, event type and parent's service", () => {
    const hops = hopsOf(spans);
    expect(hops[0]).toMatchObject({ service: 'gateway', parentService: undefined, offsetUs: 0 });
    expect(hops[2]).toMatchObject({ service: 'order', eventType: 'PlaceOrder', parentService: 'gateway' });
    expect(hops[4]).toMatchObject({ service: 'payment', eventType: 'OrderPlaced', parentService: 'order' });
    expect(hops[6]).toMatchObject({ service: 'payment-provider', eventType: undefined, parentService: 'payment' });
  });

  it('narrates one aligned line per hop: time since the first, service, name, event type, parent', () => {
    const lines = hopLines(hopsOf(spans));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^\+0\.0 ms\s+gateway\s+POST \/orders\s+\(root\)$/);
    expect(lines[4]).toMatch(/^\+3\.0 ms\s+payment\s+process order\.events\s+OrderPlaced\s+← order$/);
    expect(lines[4]!.indexOf('payment')).toBe(lines[0]!.indexOf('gateway')); // columns line up
  });

  it('summarises the spans, the services in order of appearance and the one trace id', () => {
    expect(traceSummary(spans)).toEqual({
      spans: 7,
      services: ['gateway', 'order', 'payment', 'payment-provider'],
      traceIds: [TRACE],
    });
  });

  it("marks a parent not reported yet as '?', not as a root", () => {
    const [orphan] = hopsOf([span('x', 'shipping', 'process payment.events', 0, { parentId: 'missing' })]);
    expect(orphan).toMatchObject({ service: 'shipping', parentService: '?' });
  });
});
