// Batch-first consumption against the real broker, registry and a SQLite file, composed as the service
// runtime composes it (consumer → ServiceMessaging → outbox → relay): a fetched batch costs one store
// transaction and one produce, and a retriable failure in the middle of a batch keeps every per-record
// guarantee (the records before it committed and published once, it retried first, none after it early).
import {
  ProviderUnavailableError,
  SagaMetrics,
  ServiceMessaging,
  type EventConsumerOptions,
  type OrderConfirmed,
} from '@saga/shared';
import { EventConsumer } from '../src/kafka/consumer';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import type { ServiceHandler } from '../src/service/messaging';
import {
  connectedProducer,
  eventually,
  onCleanup,
  readRecords,
  testKafka,
  testLogger,
  testSerde,
  uniqueName,
} from '../../test/support/helpers';
import { orderConfirmed } from '../../test/support/order-events';
import { openServiceDatabase } from './support/outbox-fixture';

const RECORDS = 100;
const kafka = testKafka();

/** A service of one handler: OrderConfirmed in, OrderCancelled out through the outbox. */
async function serviceOf(
  handler: ServiceHandler<'OrderConfirmed'>,
  consumerOptions: Partial<EventConsumerOptions> = {},
) {
  const groupId = uniqueName('test-batch');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: `${groupId}.dlt` }], waitForLeaders: true });
  await admin.disconnect();
  const serde = testSerde();
  await serde.registerWriters(['OrderConfirmed', 'OrderCancelled']);
  const { database, tables } = openServiceDatabase();
  const metrics = new SagaMetrics('test');
  const relay = new OutboxRelay(kafka, database, tables, { logger: testLogger, metrics });
  const messaging = new ServiceMessaging({
    service: 'test',
    db: database,
    tables,
    outbox: tables,
    serde,
    relay,
    metrics,
  });
  const consumer = new EventConsumer(kafka, serde, {
    groupId,
    logger: testLogger,
    metrics,
    // Only what this test produces: the topic holds other suites' records too.
    fromBeginning: false,
    dispatch: (records, settle) => messaging.dispatch(records, settle),
    ...consumerOptions,
  });
  consumer.on('OrderConfirmed', messaging.handle('OrderConfirmed', handler));
  const commitGroups = jest.spyOn(database, 'commitGroup');
  const transactions = jest.spyOn(database, 'transaction');
  await relay.start();
  await consumer.start();
  onCleanup(async () => {
    await consumer.stop();
    await relay.stop();
    database.close();
  });
  await eventually(() => (consumer.isJoined() ? true : undefined));
  // kafkajs fetches from the latest offset only once the join has settled its assignment.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const relaySends = async () => (await metrics.relaySends.get()).values[0]?.value ?? 0;
  return { database, tables, serde, commitGroups, transactions, relaySends };
}

/** `RECORDS` orders, one OrderConfirmed each, produced in one request onto one partition: one fetched batch. */
async function produceOneBatch(serde: ReturnType<typeof testSerde>, run: string): Promise<OrderConfirmed[]> {
  const events = Array.from({ length: RECORDS }, (_, i) => orderConfirmed(`${run}-${String(i).padStart(3, '0')}`));
  const producer = await connectedProducer(kafka);
  await producer.send({
    topic: 'order.events',
    acks: -1,
    messages: events.map((event) => ({
      key: event.orderId,
      partition: 0,
      value: serde.encode('OrderConfirmed', event),
    })),
  });
  return events;
}

/** How many OrderCancelled records each of `orderIds` has on the topic, once all of them have one. */
async function publishedPerOrder(orderIds: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Set(orderIds);
  const ours = (records: { key: Buffer | null; headers?: Record<string, unknown> }[]) =>
    records.filter(
      (r) => wanted.has(r.key?.toString() ?? '') && String(r.headers?.['event-type']) === 'OrderCancelled',
    );
  const records = ours(
    await readRecords(
      kafka,
      'order.events',
      (read) => new Set(ours(read).map((r) => r.key?.toString())).size === wanted.size,
    ),
  );
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.key!.toString(), (counts.get(record.key!.toString()) ?? 0) + 1);
  return counts;
}

describe('batch-first consumption', () => {
  it('handles a fetched batch of 100 records in one store transaction and publishes it in one produce', async () => {
    const handled: string[] = [];
    const run = uniqueName('batch');
    const service = await serviceOf(async (event, context) => {
      if (!event.orderId.startsWith(run)) return; // another test's order on the shared topic
      handled.push(event.orderId);
      await context.commit(() => context.emit('OrderCancelled', { orderId: event.orderId, reason: 'TIMED_OUT' }));
    });
    const events = await produceOneBatch(service.serde, run);

    await eventually(() => (handled.length === RECORDS ? true : undefined));
    const counts = await publishedPerOrder(events.map((e) => e.orderId));

    expect(handled).toEqual(events.map((e) => e.orderId)); // in offset order
    // The handlers' commits: one group of 100 units, and no transaction of their own.
    expect(service.commitGroups).toHaveBeenCalledTimes(1);
    expect(service.commitGroups.mock.calls[0]?.[0]).toHaveLength(RECORDS);
    // The relay's: one produce for the 100 records, and one transaction marking them published.
    expect(await service.relaySends()).toBe(1);
    expect(service.transactions).toHaveBeenCalledTimes(1);
    expect([...counts.values()]).toEqual(events.map(() => 1));
  });

  it('on a retriable failure mid-batch commits and publishes the records before it once, retries it first, applies none after it early', async () => {
    const failAt = 50;
    let failed = false;
    const log: number[] = [];
    let events: OrderConfirmed[] = [];
    let atRetry: { before: number; after: number } | undefined;
    const run = uniqueName('retry');
    const service = await serviceOf(
      async (event, context) => {
        if (!event.orderId.startsWith(run)) return; // another test's order on the shared topic
        const index = events.findIndex((e) => e.orderId === event.orderId);
        log.push(index);
        if (index === failAt && !failed) {
          failed = true;
          throw new ProviderUnavailableError('the provider is down for one attempt');
        }
        if (index === failAt) {
          const processed = async (from: number, to: number) => {
            const ids = events.slice(from, to).map((e) => e.envelope.eventId);
            return (await service.tables.processedAmong(ids)).size;
          };
          atRetry = { before: await processed(0, failAt), after: await processed(failAt + 1, RECORDS) };
        }
        await context.commit(() => context.emit('OrderCancelled', { orderId: event.orderId, reason: 'TIMED_OUT' }));
      },
      { backoff: { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 200 } },
    );
    events = await produceOneBatch(service.serde, run);

    // The first pass runs every handler once (those after the failure to their commit, which is dropped);
    // the retry starts at the failed record and runs it and every record after it once more.
    const total = RECORDS + (RECORDS - failAt);
    await eventually(() => (log.length >= total ? true : undefined));
    const counts = await publishedPerOrder(events.map((e) => e.orderId));

    const offsets = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    expect(log).toEqual([...offsets(0, RECORDS), ...offsets(failAt, RECORDS)]);
    // When the failed record is retried, the records before it are committed and none after it is.
    expect(atRetry).toEqual({ before: failAt, after: 0 });
    const ids = events.map((e) => e.envelope.eventId);
    expect((await service.tables.processedAmong(ids)).size).toBe(RECORDS);
    expect([...counts.values()]).toEqual(events.map(() => 1)); // every order published exactly once
  });
});
