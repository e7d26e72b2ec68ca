// A producer the broker stopped accepting (OUT_OF_ORDER_SEQUENCE_NUMBER after a restart) is replaced,
// so the next send goes out under a new producer id instead of failing the same way forever.
import type { Kafka, Producer } from 'kafkajs';
import { RenewableProducer } from '../src/kafka/renewable-producer';

function fakeKafka(sends: Array<() => Promise<never[]>>) {
  const made: string[] = [];
  const kafka = {
    producer: () => {
      const name = `producer-${made.length + 1}`;
      made.push(name);
      return {
        connect: async () => undefined,
        disconnect: async () => undefined,
        sendBatch: async () => {
          const next = sends.shift();
          if (!next) throw new Error('no send expected');
          return next();
        },
      } as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, made };
}

const outOfOrder = Object.assign(new Error('The broker received an out of order sequence number'), {
  type: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
});
const batch = { topicMessages: [] };

describe('RenewableProducer', () => {
  it('fails the send the broker refused, and makes the next one with a new producer', async () => {
    const { kafka, made } = fakeKafka([() => Promise.reject(outOfOrder), async () => []]);
    const producer = new RenewableProducer(kafka, {});

    await expect(producer.sendBatch(batch)).rejects.toBe(outOfOrder);
    await expect(producer.sendBatch(batch)).resolves.toEqual([]);
    expect(made).toEqual(['producer-1', 'producer-2']);
  });

  it('keeps its producer through an outage that any producer would meet', async () => {
    const down = Object.assign(new Error('Connection error'), { retriable: true });
    const { kafka, made } = fakeKafka([() => Promise.reject(down), async () => []]);
    const producer = new RenewableProducer(kafka, {});

    await expect(producer.sendBatch(batch)).rejects.toBe(down);
    await producer.sendBatch(batch);
    expect(made).toEqual(['producer-1']);
  });
});
