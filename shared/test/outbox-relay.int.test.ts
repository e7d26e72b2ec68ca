// The outbox relay against the real broker: a commit that lands while a drain is under way is
// published at once, not at the next poll, and stop() publishes the whole outbox, not one batch.
import { SagaMetrics } from '@saga/shared';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import { createTopic, onCleanup, readRecords, testKafka, testLogger } from '../../test/support/helpers';
import { openServiceDatabase, outboxRecord, unpublished } from './support/outbox-fixture';

const POLL_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OutboxRelay', () => {
  const kafka = testKafka();

  it('publishes a commit that races a drain without waiting for the poll', async () => {
    const topic = await createTopic(kafka);
    const { database, tables } = openServiceDatabase();
    const relay = new OutboxRelay(kafka, database, tables, {
      logger: testLogger,
      metrics: new SagaMetrics('test'),
      idleMs: POLL_MS,
    });
    // The race is a matter of timing in production; this seam makes it happen every time: right after
    // a drain has read an empty outbox, a handler commits and notifies, as ServiceMessaging does.
    const pending = tables.pending.bind(tables);
    let racing: Promise<void> | undefined;
    tables.pending = async (limit) => {
      const rows = await pending(limit);
      if (rows.length === 0 && !racing) {
        racing = database.transaction(() => tables.enqueue([outboxRecord(topic, 'racing')])).then(() => relay.notify());
      }
      return rows;
    };
    await relay.start();
    onCleanup(() => relay.stop());

    const [record] = await readRecords(kafka, topic, 1, { timeoutMs: POLL_MS * 2 });
    const latencyMs = Number(record?.timestamp) - Number(record?.headers?.['committed-at']?.toString());
    console.log(`[outbox relay] a commit racing the drain was published ${latencyMs} ms after it (poll ${POLL_MS} ms)`);
    expect(record?.key?.toString()).toBe('racing');
    expect(latencyMs).toBeLessThan(1_000);
  });

  it('publishes the whole outbox on stop, not just one batch', async () => {
    const topic = await createTopic(kafka);
    const { database, tables } = openServiceDatabase();
    const relay = new OutboxRelay(kafka, database, tables, {
      logger: testLogger,
      metrics: new SagaMetrics('test'),
      idleMs: 60_000,
      batchSize: 500,
    });
    await relay.start();
    await sleep(500); // the relay has drained an empty outbox and sleeps until the poll
    const rows = Array.from({ length: 1_200 }, (_, i) => outboxRecord(topic, `row-${i}`));
    await database.transaction(() => tables.enqueue(rows));

    await relay.stop();

    expect(await unpublished(tables)).toBe(0);
    const published = await readRecords(kafka, topic, 1_200);
    expect(published.map((record) => record.key?.toString())).toEqual(rows.map((row) => row.key));
  });
});
