// BatchProjection: a fetched batch is one write to the read model; a failure is settled against the
// record that causes it, and never costs the records before it.
import { SagaMetrics, type EventConsumerOptions } from '@saga/shared';
import { BatchProjection } from '../src/projection/batch-projection';
import type { ProjectedRecord, ReadModel } from '../src/projection/read-model';
import { record, silentLogger } from './helpers';

type Dispatch = NonNullable<EventConsumerOptions['dispatch']>;
type ConsumedRecord = Parameters<Dispatch>[0][number];

/** Records at offsets 0..count-1 of partition 3 of order.events, as the consumer hands them over. */
function consumed(count: number): ConsumedRecord[] {
  return Array.from({ length: count }, (_, offset) => {
    const event = record('OrderConfirmed', { orderId: `order-${offset}`, totalCents: 100, currency: 'EUR' });
    const context = {
      topic: 'order.events',
      partition: 3,
      offset: String(offset),
      key: null,
      schemaId: 1,
      groupId: 'gateway-projection',
    };
    return { type: 'OrderConfirmed', event, context: { ...context, log: silentLogger } } as ConsumedRecord;
  });
}

/** A read model that records each write's offsets and fails those `fails` picks. */
function readModel(fails: (records: readonly ProjectedRecord[]) => boolean = () => false) {
  const writes: number[][] = [];
  const model = {
    apply: async (records: readonly ProjectedRecord[]) => {
      if (fails(records)) throw new Error('cannot apply');
      writes.push(records.map((r) => r.at.offset));
    },
  };
  return { writes, model: model as unknown as ReadModel };
}

const projection = (model: ReadModel) => new BatchProjection(model, new SagaMetrics('gateway-test'), silentLogger);

describe('BatchProjection', () => {
  it('When a batch is dispatched, Then one write carries all its records, with where each was read', async () => {
    const { writes, model } = readModel();
    const settle = jest.fn();

    const done = await projection(model).dispatch(consumed(5), settle);

    expect(done).toBe(5);
    expect(writes).toEqual([[0, 1, 2, 3, 4]]);
    expect(settle).not.toHaveBeenCalled();
  });

  it('When one record cannot be applied, Then it alone is settled and the records around it are written', async () => {
    const { writes, model } = readModel((records) => records.some((r) => r.at.offset === 2));
    const settle = jest.fn().mockResolvedValue('done'); // dead-lettered

    const done = await projection(model).dispatch(consumed(4), settle);

    expect(done).toBe(4);
    expect(writes).toEqual([[0], [1], [3]]);
    expect(settle).toHaveBeenCalledTimes(1);
    expect(settle.mock.calls[0]?.[0].context.offset).toBe('2');
  });

  it('When the store is down, Then the batch is held back at its first record and nothing is counted done', async () => {
    const { writes, model } = readModel(() => true);
    const settle = jest.fn().mockResolvedValue('held'); // retriable: the partition waits and retries

    const done = await projection(model).dispatch(consumed(3), settle);

    expect(done).toBe(0);
    expect(writes).toEqual([]);
    expect(settle).toHaveBeenCalledTimes(1);
    expect(settle.mock.calls[0]?.[0].context.offset).toBe('0');
  });

  it('When a record carries a traceparent header, Then the read model gets its trace id with it', async () => {
    const applied: ProjectedRecord[] = [];
    const model = { apply: async (records: readonly ProjectedRecord[]) => void applied.push(...records) };
    const records = consumed(2) as [ConsumedRecord, ConsumedRecord];
    records[0].context.headers = {
      traceparent: Buffer.from('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
    };

    await projection(model as unknown as ReadModel).dispatch(records, jest.fn());

    expect(applied.map((record) => record.traceId)).toEqual(['4bf92f3577b34da6a3ce929d0e0e4736', undefined]);
  });
});
