// One trace per order, read back from a real Zipkin's HTTP API: a confirmed order's spans from the
// gateway, the four services and both providers carry one trace id, and so do a payment-declined order's,
// compensation included; every record's `process` span is the child of the `send` span that produced
// that record, and every provider call's server span the child of the caller's client span.
import {
  ZipkinClient,
  orderRequest,
  serviceOf,
  systemClients,
  type GatewayClient,
  type ZipkinSpan,
} from '@saga/client';
import { startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
let gateway: GatewayClient;
let zipkin: ZipkinClient;

beforeAll(async () => {
  system = await startTestSystem();
  ({ gateway } = systemClients(system));
  zipkin = new ZipkinClient(system.zipkinUrl);
}, 180_000);

afterAll(async () => {
  await system?.system.stop();
});

const tag = (span: ZipkinSpan | undefined, name: string) => span?.tags?.[name];

/**
 * Whether every span the order leads to has been exported: services export in batches, each on its own
 * clock, so a trace fills in over a few seconds. Complete once `services` have reported, the last hop
 * (`service` processing `eventType`) is there, and every span's parent is.
 */
function complete(spans: ZipkinSpan[], services: readonly string[], last: { service: string; eventType: string }) {
  const ids = new Set(spans.map((span) => span.id));
  const reported = new Set(spans.map(serviceOf));
  return (
    services.every((service) => reported.has(service)) &&
    spans.some(
      (span) =>
        span.kind === 'CONSUMER' && serviceOf(span) === last.service && tag(span, 'saga.event_type') === last.eventType,
    ) &&
    spans.every((span) => !span.parentId || ids.has(span.parentId))
  );
}

async function traceOf(
  orderId: string,
  services: readonly string[],
  last: { service: string; eventType: string },
): Promise<ZipkinSpan[]> {
  const order = await gateway.terminal(orderId);
  expect(order.traceId).toMatch(/^[0-9a-f]{32}$/);
  return zipkin.traceUntil(order.traceId!, (spans) => complete(spans, services, last), 45_000);
}

/** Checks the parent of every consumer and provider span, and that the order's request is the one root. */
function checkParents(spans: ZipkinSpan[]): void {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const consumers = spans.filter((span) => span.kind === 'CONSUMER');
  expect(consumers.length).toBeGreaterThan(0);
  for (const consumer of consumers) {
    const producer = byId.get(consumer.parentId ?? '');
    expect({ consumer: consumer.name, producer: producer?.kind }).toEqual({
      consumer: consumer.name,
      producer: 'PRODUCER',
    });
    expect(producer?.name).toBe(`send ${tag(consumer, 'messaging.destination.name')}`);
    expect(tag(producer, 'saga.event_type')).toBe(tag(consumer, 'saga.event_type'));
  }
  for (const server of spans.filter((span) => span.kind === 'SERVER' && serviceOf(span) !== 'gateway')) {
    expect(byId.get(server.parentId ?? '')?.kind).toBe('CLIENT');
  }
  const roots = spans.filter((span) => !span.parentId);
  expect(roots.map((root) => `${serviceOf(root)} ${root.kind} ${root.name}`)).toEqual(['gateway SERVER post /orders']);
}

const hops = (spans: ZipkinSpan[], kind: ZipkinSpan['kind']) =>
  new Set(
    spans.filter((span) => span.kind === kind).map((span) => `${serviceOf(span)}:${tag(span, 'saga.event_type')}`),
  );

describe('one trace per order', () => {
  it('follows a confirmed order from POST /orders through every service and both providers', async () => {
    // Stock of its own, whatever earlier systems on the test broker left: this test is about the trace, not the stock.
    await gateway.restockAndWait('SKU-001', 1, 60_000);
    const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-001', quantity: 1 }]));
    const everyService = ['gateway', 'order', 'inventory', 'payment', 'shipping', 'payment-provider', 'carrier'];
    const spans = await traceOf(orderId, everyService, { service: 'inventory', eventType: 'OrderConfirmed' });

    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    expect(new Set(spans.map(serviceOf))).toEqual(new Set(everyService));
    checkParents(spans);
    const produced = hops(spans, 'PRODUCER');
    for (const hop of [
      'gateway:PlaceOrder',
      'order:OrderPlaced',
      'inventory:StockReserved',
      'payment:PaymentCompleted',
      'shipping:ShipmentScheduled',
      'order:OrderConfirmed',
    ]) {
      expect(produced).toContain(hop);
    }
  });

  it('keeps a payment-declined order and its compensation in one trace', async () => {
    await gateway.restockAndWait('SKU-002', 1, 60_000);
    const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-002', quantity: 1 }], { kind: 'declined' }));
    const services = ['gateway', 'order', 'inventory', 'payment', 'payment-provider'];
    const spans = await traceOf(orderId, services, { service: 'inventory', eventType: 'OrderCancelled' });

    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    checkParents(spans);
    const produced = hops(spans, 'PRODUCER');
    for (const hop of ['payment:PaymentFailed', 'order:OrderCancelled', 'inventory:StockReleased']) {
      expect(produced).toContain(hop);
    }
    expect(hops(spans, 'CONSUMER')).toContain('inventory:OrderCancelled');
    const charge = spans.find((span) => serviceOf(span) === 'payment-provider' && span.kind === 'SERVER');
    expect(charge?.name).toBe('post /v1/charges');
  });
});
