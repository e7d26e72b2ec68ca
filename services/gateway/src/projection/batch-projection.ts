// How the projection hands consumed records to the read model: a fetched batch of one partition at a
// time, as one write (ReadModel.apply), so its states and applied offsets commit together, once per
// batch rather than per record, on either engine. A batch that fails is applied again one record at a
// time, so that the failure is settled against the record that causes it: a store outage holds the
// partition back at its first record; a record that cannot be applied is dead-lettered alone, and the
// records before and after it are kept.
import type { EventConsumerOptions, EventType, Handler, Logger, SagaMetrics } from '@saga/shared';
import type { ProjectedRecord, ReadModel } from './read-model';
import { traceIdOf } from './traceparent';

type Dispatch = NonNullable<EventConsumerOptions['dispatch']>;
type ConsumedRecord = Parameters<Dispatch>[0][number];
type Settle = Parameters<Dispatch>[1];

function projectedOf({ type, event, context }: ConsumedRecord): ProjectedRecord {
  const at = { topic: context.topic, partition: context.partition, offset: Number(context.offset) };
  return { type, event, at, traceId: traceIdOf(context.headers) } as ProjectedRecord;
}

export class BatchProjection {
  constructor(
    private readonly readModel: ReadModel,
    private readonly metrics: SagaMetrics,
    private readonly log: Logger,
  ) {}

  /**
   * The consumer's handler of `type`, one of those topology.ts says the gateway consumes (the consumer
   * reads only the types it has a handler for): one record, applied alone.
   */
  handler<T extends EventType>(type: T): Handler<T> {
    return (event, context) => this.apply([{ type, event, context } as ConsumedRecord]);
  }

  /** The consumer's dispatch: resolves with how many records from the start of `records` are done. */
  async dispatch(records: readonly ConsumedRecord[], settle: Settle): Promise<number> {
    if (records.length > 1) {
      try {
        await this.apply(records);
        return records.length;
      } catch (error) {
        this.log.warn({ err: error, records: records.length }, 'batch not applied; applying its records one at a time');
      }
    }
    for (const [index, record] of records.entries()) {
      try {
        await this.apply([record]);
      } catch (error) {
        if ((await settle(record, error)) === 'held') return index;
      }
    }
    return records.length;
  }

  private async apply(records: readonly ConsumedRecord[]): Promise<void> {
    await this.readModel.apply(records.map(projectedOf));
    for (const { type } of records) this.metrics.consumed.inc({ type });
  }
}
