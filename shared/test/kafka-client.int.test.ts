// Proves the Kafka client (kafkajs 2.2.4) against the real broker we ship (Kafka 4.x, KRaft): the
// protocol features this system relies on, each in its simplest form.
import { producerConfig } from '@saga/shared';
import { connectedProducer, createTopic, readRecords, testKafka } from '../../test/support/helpers';

describe('kafkajs against the native Kafka broker', () => {
  const kafka = testKafka();

  it('produces records and a consumer group reads them back in order per key', async () => {
    const topic = await createTopic(kafka, 3);
    const producer = await connectedProducer(kafka);
    await producer.send({ topic, messages: ['1', '2', '3'].map((value) => ({ key: 'order-1', value })) });

    const records = await readRecords(kafka, topic, 3);

    expect(records.map((record) => record.value?.toString())).toEqual(['1', '2', '3']);
  });

  it('writes through the system producer config as an idempotent producer, which the broker dedupes', async () => {
    const topic = await createTopic(kafka);
    // What every producer of the system is built from (publisher, outbox relay, dead letters).
    const producer = await connectedProducer(kafka, producerConfig(5));
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'once' }] });

    const [record] = await readRecords(kafka, topic, 1);

    // The broker dedupes a retried batch only by its producer id and sequence; a producer that is not
    // idempotent writes producer id -1, and its retries can duplicate records.
    const batch = (record as unknown as { batchContext: { producerId: string; firstSequence: number } }).batchContext;
    expect(record?.value?.toString()).toBe('once');
    expect(batch.producerId).not.toBe('-1');
    expect(batch.firstSequence).toBeGreaterThanOrEqual(0);
  });

  it('commits and aborts transactions; a read-committed consumer sees only committed records', async () => {
    const topic = await createTopic(kafka);
    const producer = await connectedProducer(kafka, {
      transactionalId: `tx-${topic}`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'k', value: 'aborted' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ key: 'k', value: 'committed' }] });
    await committed.commit();

    const records = await readRecords(kafka, topic, 1);

    expect(records.map((record) => record.value?.toString())).toEqual(['committed']);
  });

  it('leaves an idle connection alone: no request-queue check runs while nothing is pending (idle-timer fix)', async () => {
    // Unfixed, kafkajs 2.2.4 re-checks its pending requests every 1 ms on every connection, forever.

    const { prototype } = require('kafkajs/src/network/requestQueue') as {
      prototype: { checkPendingRequests: () => void };
    };
    const check = jest.spyOn(prototype, 'checkPendingRequests');
    try {
      const topic = await createTopic(kafka);
      const producer = await connectedProducer(kafka);
      await producer.send({ topic, messages: [{ key: 'k', value: 'wake the connection' }] });
      check.mockClear();

      await new Promise((resolve) => setTimeout(resolve, 1_000));

      expect(check.mock.calls.length).toBeLessThan(20);
    } finally {
      check.mockRestore();
    }
  });
});
