// Delivery guarantees under failure, end to end: redelivered records change nothing, poison records
// land on every consuming group's dead-letter topic without stopping it, a provider outage pauses
// the saga instead of failing orders, and a dead letter replayed after the fix completes its order.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { KafkaMessage } from 'kafkajs';
import {
  eventually,
  metricSum,
  orderRequest,
  systemClients,
  type GatewayClient,
  type ProvidersClient,
} from '@saga/client';
import { DeadLetterHeaders, MetricNames, frame } from '@saga/shared';
import { freshCatalog } from '../support/catalog';
import { connectedProducer, readRecords, stackEndpoints, testKafka, uniqueName } from '../support/helpers';
import { startTestSystem, type TestSystem } from '../support/system';

/** The records a confirmed order leaves on each topic (stock records are keyed by sku, not by order). */
const CONFIRMED_ORDER_RECORDS: Record<string, number> = {
  'order.commands': 1, // PlaceOrder
  'order.events': 2, // OrderPlaced, OrderConfirmed
  'inventory.events': 2, // StockReserved, StockSold
  'payment.events': 1, // PaymentCompleted
  'shipping.events': 1, // ShipmentScheduled
};
const SERVICES = ['order', 'inventory', 'payment', 'shipping'] as const;
/** Of those records, how many each service has a handler for, so counts as a duplicate when redelivered. */
const EXPECTED_DUPLICATES: Record<(typeof SERVICES)[number], number> = {
  order: 3, // PlaceOrder, StockReserved, ShipmentScheduled
  inventory: 2, // OrderPlaced, OrderConfirmed
  payment: 2, // OrderPlaced, StockReserved
  shipping: 2, // OrderPlaced, PaymentCompleted
};
const kafka = testKafka();
let system: TestSystem;
let gateway: GatewayClient;
let providers: ProvidersClient;

beforeAll(async () => {
  // A long deadline: these tests hold orders up on purpose and must not see them time out.
  system = await startTestSystem({ ORDER_TIMEOUT_MS: '90000', BREAKER_RESET_MS: '1500' });
  ({ gateway, providers } = systemClients(system));
  await freshCatalog(gateway);
}, 180_000);

afterAll(async () => {
  await system?.system.stop();
});

afterEach(async () => {
  await providers.resetFaults('payment');
});

const metric = (service: keyof TestSystem['opsUrls'], name: string) => metricSum(system.opsUrls[service], name);

async function duplicateCounts(): Promise<Record<(typeof SERVICES)[number], number>> {
  const counts = await Promise.all(SERVICES.map((service) => metric(service, MetricNames.duplicates)));
  return Object.fromEntries(SERVICES.map((service, i) => [service, counts[i]!])) as Record<
    (typeof SERVICES)[number],
    number
  >;
}

const headerValue = (record: KafkaMessage, name: string) => record.headers?.[name]?.toString();

describe('delivery guarantees', () => {
  it('changes nothing when every record of a confirmed order is delivered again', async () => {
    const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-001', quantity: 1 }]));
    await gateway.terminal(orderId);
    const stock = await gateway.stockWhen('SKU-001', (s) => s.reserved === 0);
    const duplicatesBefore = await duplicateCounts();
    // Every record of a confirmed order, read until all are there: a read that fails fails the test.
    const records = await Promise.all(
      Object.entries(CONFIRMED_ORDER_RECORDS).map(async ([topic, count]) => ({
        topic,
        messages: (
          await readRecords(kafka, topic, (read) => read.filter((r) => r.key?.toString() === orderId).length >= count)
        ).filter((r) => r.key?.toString() === orderId),
      })),
    );
    expect(records.map(({ messages }) => messages.length)).toEqual(Object.values(CONFIRMED_ORDER_RECORDS));

    const producer = await connectedProducer(kafka);
    for (const { topic, messages } of records) {
      await producer.send({ topic, messages: messages.map(({ key, value, headers }) => ({ key, value, headers })) });
    }

    // Every service has seen, and skipped, each duplicate it consumes before anything is asserted.
    const skipped = await eventually(async () => {
      const now = await duplicateCounts();
      const counts = SERVICES.map((service) => now[service] - duplicatesBefore[service]);
      return counts.every((count, i) => count >= EXPECTED_DUPLICATES[SERVICES[i]!]) ? counts : undefined;
    });
    expect(skipped).toEqual(SERVICES.map((service) => EXPECTED_DUPLICATES[service]));
    expect(await gateway.order(orderId)).toMatchObject({ status: 'CONFIRMED' });
    expect(await providers.charges(orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', refunded: false }),
    ]);
    expect(await providers.shipments(orderId)).toEqual([expect.objectContaining({ status: 'booked' })]);
    expect(await gateway.stock('SKU-001')).toMatchObject({ available: stock.available, reserved: 0 });
  });

  it('dead-letters garbage and unknown-schema records in every consuming group, and the next order completes', async () => {
    const key = uniqueName('poison');
    const producer = await connectedProducer(kafka);

    await producer.send({
      topic: 'order.events',
      messages: [
        { key, value: Buffer.from('definitely not avro'), headers: { origin: 'test' } },
        { key, value: frame(7_777_777, Buffer.from([1, 2, 3])) },
      ],
    });

    for (const group of ['inventory-service', 'payment-service', 'shipping-service', 'gateway-projection']) {
      const dead = await readRecords(
        kafka,
        `${group}.dlt`,
        (read) => read.filter((r) => r.key?.toString() === key).length >= 2,
      );
      const ours = dead.filter((r) => r.key?.toString() === key);
      expect(ours.map((r) => headerValue(r, DeadLetterHeaders.errorType))).toEqual([
        'SAGA_DECODE_FAILED',
        'SAGA_UNKNOWN_SCHEMA_ID',
      ]);
      expect(ours.map((r) => headerValue(r, DeadLetterHeaders.originalTopic))).toEqual([
        'order.events',
        'order.events',
      ]);
      expect(ours[0]?.value?.toString()).toBe('definitely not avro');
      expect(headerValue(ours[0]!, 'origin')).toBe('test');
    }
    const next = await gateway.terminal(
      (await gateway.placeOrder(orderRequest([{ sku: 'SKU-001', quantity: 1 }]))).orderId,
    );
    expect(next.status).toBe('CONFIRMED');
  });

  it('pauses instead of declining orders while the payment provider is down, and completes them after', async () => {
    const deadLetteredBefore = await metric('payment', MetricNames.deadLettered);
    await providers.setFaults('payment', { down: true });
    const accepted = await Promise.all(
      Array.from({ length: 12 }, () => gateway.placeOrder(orderRequest([{ sku: 'SKU-002', quantity: 1 }]))),
    );
    await eventually(async () => ((await metric('payment', MetricNames.partitionsPaused)) > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // a 10 s outage under load

    await providers.resetFaults('payment');

    const orders = await Promise.all(accepted.map(({ orderId }) => gateway.terminal(orderId, 60_000)));
    expect(orders.map((order) => order.status)).toEqual(accepted.map(() => 'CONFIRMED'));
    expect(await metric('payment', MetricNames.deadLettered)).toBe(deadLetteredBefore);
  }, 120_000);

  it('completes an order whose dead-lettered payment is replayed after the cause is fixed; a second replay is a no-op', async () => {
    await providers.setFaults('payment', { rejectAll: true });
    const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-003', quantity: 1 }]));
    const dead = await readRecords(kafka, 'payment-service.dlt', (read) =>
      read.some((r) => r.key?.toString() === orderId),
    );
    const letter = dead.find((r) => r.key?.toString() === orderId)!;
    expect(headerValue(letter, DeadLetterHeaders.errorType)).toBe('SAGA_PROVIDER_REJECTED');
    expect(await gateway.order(orderId)).toMatchObject({ status: 'PENDING' });

    await providers.resetFaults('payment');
    const dlt = (...args: string[]) =>
      execFileSync('node', [path.resolve(__dirname, '../../infra/dist/dlt.js'), ...args], {
        env: { ...process.env, KAFKA_BROKERS: stackEndpoints().brokers.join(','), LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
    expect(dlt('list', 'payment-service')).toContain(`key=${orderId}`);
    dlt('replay', 'payment-service', letter.offset);

    expect(await gateway.terminal(orderId)).toMatchObject({ status: 'CONFIRMED' });
    const duplicates = await metric('payment', MetricNames.duplicates);
    dlt('replay', 'payment-service', letter.offset);
    await eventually(async () => ((await metric('payment', MetricNames.duplicates)) > duplicates ? true : undefined));
    expect(await providers.charges(orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', refunded: false }),
    ]);
  });
});
