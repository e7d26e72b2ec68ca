// ServiceMessaging on a real SQLite file with the real serde: an event's effects commit at most once
// even when two deliveries race past the early inbox check (also with two instances on PostgreSQL,
// whose transactions really overlap), a failed handler leaves nothing behind, and handlers of one
// order never interleave.
import { SagaMetrics, ServiceMessaging, type EventContext } from '@saga/shared';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import { testKafka, testLogger, testSerde, uniqueName } from '../../test/support/helpers';
import { orderConfirmed } from '../../test/support/order-events';
import { testPostgres } from '../../test/support/postgres';
import { MessagingTables } from '../src/store/messaging-tables';
import { openServiceDatabase, unpublished } from './support/outbox-fixture';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function messagingOnOneDatabase() {
  const { database, tables } = openServiceDatabase();
  const serde = testSerde();
  await serde.registerWriters(['OrderCancelled']);
  const metrics = new SagaMetrics('test');
  // Not started: the tests read the outbox itself; notify() only marks it for a drain.
  const relay = new OutboxRelay(testKafka(), database, tables, { logger: testLogger, metrics });
  const messaging = () =>
    new ServiceMessaging({ service: 'test', db: database, tables, outbox: tables, serde, relay, metrics });
  return { database, tables, metrics, messaging };
}

const consumed = {
  topic: 'order.events',
  partition: 0,
  offset: '0',
  key: null,
  schemaId: 1,
  groupId: 'test',
  log: testLogger,
};

describe('ServiceMessaging', () => {
  it('commits an event once when two deliveries race past the early inbox check', async () => {
    const { tables, metrics, messaging } = await messagingOnOneDatabase();
    const event = orderConfirmed(uniqueName('order'));
    // Two instances of the runtime, as during a rebalance: their per-order locks do not see each other.
    const handle = (instance: ServiceMessaging) =>
      instance.handle('OrderConfirmed', async (_event, context) => {
        await sleep(50); // a provider call, outside the commit
        await context.commit(() => context.emit('OrderCancelled', { orderId: _event.orderId, reason: 'TIMED_OUT' }));
      });
    await Promise.all([
      handle(messaging())(event, consumed as EventContext),
      handle(messaging())(event, consumed as EventContext),
    ]);
    expect(await unpublished(tables)).toBe(1);
    expect((await metrics.duplicates.get()).values.map((v) => v.value)).toEqual([1]);
  });

  it('leaves neither state, inbox entry nor events behind when the handler fails', async () => {
    const { tables, messaging } = await messagingOnOneDatabase();
    const event = orderConfirmed(uniqueName('order'));
    const failing = messaging().handle('OrderConfirmed', async (_event, context) => {
      await context.commit(() => {
        context.emit('OrderCancelled', { orderId: _event.orderId, reason: 'TIMED_OUT' });
        throw new Error('handler failed inside its commit');
      });
    });
    await expect(failing(event, consumed as EventContext)).rejects.toThrow('handler failed');
    expect(await unpublished(tables)).toBe(0);
    expect(await tables.processedAmong([event.envelope.eventId])).toEqual(new Set());
  });

  it('runs the handlers of one order one at a time, across an awaited call', async () => {
    const { messaging } = await messagingOnOneDatabase();
    const instance = messaging();
    const orderId = uniqueName('order');
    const steps: string[] = [];
    const handler = instance.handle('OrderConfirmed', async (event, context) => {
      steps.push(`${event.envelope.eventId} reads`);
      await sleep(30);
      await context.commit(() => steps.push(`${event.envelope.eventId} writes`));
    });
    const [first, second] = [orderConfirmed(orderId), orderConfirmed(orderId)];
    await Promise.all([handler(first, consumed as EventContext), handler(second, consumed as EventContext)]);
    const [a, b] = [first.envelope.eventId, second.envelope.eventId];
    expect(steps).toEqual([`${a} reads`, `${a} writes`, `${b} reads`, `${b} writes`]);
  });
});

describe('ServiceMessaging with two instances on PostgreSQL', () => {
  it('applies an event once when both instances commit it in overlapping transactions', async () => {
    const postgres = await testPostgres();
    const serde = testSerde();
    await serde.registerWriters(['OrderCancelled']);
    const metrics = new SagaMetrics('test');
    const instance = async () => {
      const db = await postgres.open('payment');
      const tables = new MessagingTables(db);
      const relay = new OutboxRelay(testKafka(), db, tables, { logger: testLogger, metrics });
      return {
        tables,
        messaging: new ServiceMessaging({ service: 'test', db, tables, outbox: tables, serde, relay, metrics }),
      };
    };
    const [a, b] = [await instance(), await instance()];
    const event = orderConfirmed(uniqueName('order'));
    const handle = (messaging: ServiceMessaging) =>
      messaging.handle('OrderConfirmed', async (_event, context) => {
        // Each holds its transaction open across I/O, so the second's inbox write meets the first's
        // uncommitted row: only the key, checked inside the transaction, tells them apart.
        await context.commit(async () => {
          await sleep(200);
          context.emit('OrderCancelled', { orderId: _event.orderId, reason: 'TIMED_OUT' });
        });
      });
    await Promise.all([
      handle(a.messaging)(event, consumed as EventContext),
      handle(b.messaging)(event, consumed as EventContext),
    ]);

    expect(await unpublished(a.tables)).toBe(1);
    expect(await a.tables.processedAmong([event.envelope.eventId])).toEqual(new Set([event.envelope.eventId]));
    expect((await metrics.duplicates.get()).values.map((v) => v.value)).toEqual([1]);
  });
});
