// tracing: each order is one distributed trace, from the gateway's POST /orders through every Kafka hop
// and provider call to its last step. The order's records carry the W3C traceparent header; the gateway
// answers the trace id on GET /orders/{id}, and the trace viewer (Zipkin, ZIPKIN_URL) holds the spans.
import {
  ZipkinClient,
  eventually,
  hopLines,
  hopsOf,
  traceSummary,
  type OrderKind,
  type OrderStatus,
  type ZipkinSpan,
} from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario, ScenarioContext } from '../scenario';

/** Services send their spans in batches: how long a trace may take to hold every expected service. */
const SPANS_WITHIN_MS = 30_000;

interface Case {
  kind: OrderKind;
  sku: string;
  status: OrderStatus;
  /** The services whose spans the trace must hold: the ones this outcome certainly passes through. */
  services: string[];
  /** Saga events the trace must have carried (its Kafka spans' saga.event_type tag). */
  events: string[];
}

const CASES: Case[] = [
  {
    kind: 'normal',
    sku: 'SKU-001',
    status: 'CONFIRMED',
    services: ['gateway', 'order', 'inventory', 'payment', 'payment-provider', 'shipping', 'carrier'],
    events: ['PlaceOrder', 'OrderPlaced', 'PaymentCompleted', 'OrderConfirmed'],
  },
  {
    kind: 'declined',
    sku: 'SKU-002',
    status: 'CANCELLED',
    services: ['gateway', 'order', 'inventory', 'payment', 'payment-provider'],
    events: ['PlaceOrder', 'OrderPlaced', 'PaymentFailed', 'OrderCancelled'],
  },
];

/** Places one order of `kind`, waits for its end, and walks its trace hop by hop. */
async function traceOne(
  { narrator, gateway }: ScenarioContext,
  zipkin: ZipkinClient,
  { kind, sku, status, services, events }: Case,
) {
  await gateway.restockAndWait(sku, 1);
  const orderId = await placeOrder(gateway, sku, 1, { kind });
  const order = await gateway.terminal(orderId);
  narrator.claim(`order ${orderId} is ${status}`, order.status === status, order.status);
  // The trace id comes with the order's records: the read model has it once it read one of them back.
  const traceId = await eventually(async () => (await gateway.order(orderId)).traceId, 10_000).catch(() => undefined);
  narrator.claim(
    'GET /orders/{id} names the order’s trace',
    traceId !== undefined,
    'no traceId: are the services running with tracing on?',
  );
  if (traceId === undefined) return; // not reached: a claim that does not hold stops the scenario
  narrator.say(`trace ${traceId}: ${zipkin.traceUrl(traceId)}`);
  // Not every service in time: what was reported is narrated, and the claim below names who is missing.
  const spans = await zipkin
    .traceWith(traceId, services, SPANS_WITHIN_MS)
    .catch(() => zipkin.trace(traceId).catch((): ZipkinSpan[] => []));
  const hops = hopsOf(spans);
  narrator.show(hopLines(hops).join('\n'));
  const summary = traceSummary(spans);
  narrator.say(`${summary.spans} spans from ${summary.services.join(', ')}; trace ids: ${summary.traceIds.join(', ')}`);
  narrator.claim(
    `every span is in the one trace ${traceId}`,
    summary.traceIds.length === 1 && summary.traceIds[0] === traceId,
    `trace ids ${summary.traceIds.join(', ') || 'none'}`,
  );
  const absent = services.filter((service) => !summary.services.includes(service));
  narrator.claim(
    `the trace holds spans of ${services.join(', ')}`,
    absent.length === 0,
    `none of ${absent.join(', ')} from ${zipkin.url} within ${SPANS_WITHIN_MS / 1000} s`,
  );
  const carried = new Set(hops.map((hop) => hop.eventType));
  const missing = events.filter((event) => !carried.has(event));
  narrator.claim(
    `its Kafka hops carried ${events.join(' → ')}`,
    missing.length === 0,
    `no span of ${missing.join(', ')}`,
  );
}

export const tracing: Scenario = {
  name: 'tracing',
  summary: 'one trace per order: every Kafka hop and provider call of a confirmed and a declined order in Zipkin',
  concept: 'distributed tracing: context propagated in record headers',
  async run(context) {
    const { narrator, config } = context;
    const zipkin = new ZipkinClient(config.zipkinUrl);
    await narrator.step(
      'A confirmed order, as one trace',
      'POST /orders starts the trace; every record the saga writes carries it in its traceparent header, so',
      'each service that reads one continues the same trace. Each line: when, which service, what it did',
      '(send/process <topic>, an HTTP call), the saga event, and the service whose span caused it.',
    );
    await traceOne(context, zipkin, CASES[0]!);
    await narrator.step(
      'A declined order: the compensation is in its trace too',
      'PaymentFailed and the OrderCancelled it leads to continue the trace the order started.',
    );
    await traceOne(context, zipkin, CASES[1]!);
  },
};
