// ServiceMessaging on a real SQLite file with the real serde: an event's effects commit at most once
// even when two deliveries race past the early inbox check, a failed handler leaves nothing behind,
// and handlers of one order never interleave.
import { newEnvelope, SagaMetrics, ServiceMessaging, type EventContext, type OrderConfirmed } from '@saga/shared';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import { testKafka, testLogger, testSerde, uniqueName } from '../../test/support/helpers';
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

function confirmed(orderId: string): OrderConfirmed {
  return {
    envelope: newEnvelope('test', { correlationId: orderId, causationId: 'test' }),
    orderId,
    totalCents: 100,
    currency: 'EUR',
  };
}

const consumed = { topic: 'order.events', partition: 0, offset: '0', key: null, schemaId: 1, log: testLogger };

describe('ServiceMessaging', () => {
  it('commits an event once when two deliveries race past the early inbox check', async () => {
    const { database, tables, metrics, messaging } = await messagingOnOneDatabase();
    const event = confirmed(uniqueName('order'));
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
    expect(await unpublished(tables, database)).toBe(1);
    expect((await metrics.duplicates.get()).values.map((v) => v.value)).toEqual([1]);
  });

  it('leaves neither state, inbox entry nor events behind when the handler fails', async () => {
    const { database, tables, messaging } = await messagingOnOneDatabase();
    const event = confirmed(uniqueName('order'));
    const failing = messaging().handle('OrderConfirmed', async (_event, context) => {
      await context.commit(() => {
        context.emit('OrderCancelled', { orderId: _event.orderId, reason: 'TIMED_OUT' });
        throw new Error('handler failed inside its commit');
      });
    });
    await expect(failing(event, consumed as EventContext)).rejects.toThrow('handler failed');
    expect(await unpublished(tables, database)).toBe(0);
    expect(await database.read(() => tables.isProcessed(event.envelope.eventId))).toBe(false);
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
    const [first, second] = [confirmed(orderId), confirmed(orderId)];
    await Promise.all([handler(first, consumed as EventContext), handler(second, consumed as EventContext)]);
    const [a, b] = [first.envelope.eventId, second.envelope.eventId];
    expect(steps).toEqual([`${a} reads`, `${a} writes`, `${b} reads`, `${b} writes`]);
  });
});
