// Consumes typed events for one consumer group. Handlers are registered per event type; the topics
// to subscribe to follow from the types. Each record is decoded, dispatched, and only then is its
// offset resolved (and committed after the batch). A retriable failure holds back only its own
// partition (PartitionHolds: pause, leave the record unresolved, resume after the backoff), so the
// record is tried again before anything behind it while the other partitions flow; a permanent
// failure, or the last attempt, is dead-lettered and the partition moves on.
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { AvroSerde } from '../avro/serde';
import { EventCatalog, type EventType } from '../generated/events';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import { defaultBackoff, type BackoffPolicy } from './backoff';
import { DeadLetterWriter } from './dead-letters';
import { PartitionHolds } from './partition-holds';
import { RecordProcessor, type Handler } from './record-processor';

export type { EventContext, Handler } from './record-processor';

export interface EventConsumerOptions {
  /** A ConsumerGroups value for services; `<groupId>.dlt` must exist (see topics.ts). */
  groupId: string;
  logger: Logger;
  metrics?: SagaMetrics;
  fromBeginning?: boolean;
  backoff?: BackoffPolicy;
  /** Partitions handled at once; order within a partition (an order's events) is always kept. */
  concurrency?: number;
  /**
   * For a consumer that keeps its own offsets with its state (the gateway's read model): where to
   * resume a partition when it is assigned; undefined leaves the group's committed offset.
   */
  resumeAt?: (topic: string, partition: number) => number | undefined;
  /** Called once a record is done with (handled, not ours, or dead-lettered), before its offset is resolved. */
  onRecordDone?: (topic: string, partition: number, offset: number) => void;
}

const SESSION_TIMEOUT_MS = 10_000;
const HEARTBEAT_INTERVAL_MS = 3_000;
const MAX_FETCH_WAIT_MS = 1_000;
/**
 * A batch stops after this long and the rest is fetched again: kafkajs waits for every batch of a
 * fetch before the next one, so one partition's run of slow records (a slow provider) would otherwise
 * delay the others by the whole run instead of by one record.
 */
const BATCH_BUDGET_MS = 500;

export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: DeadLetterWriter;
  private readonly handlers = new Map<EventType, Handler<EventType>>();
  private readonly holds: PartitionHolds;
  private readonly records: RecordProcessor;
  private joined = false;

  constructor(
    kafka: Kafka,
    serde: AvroSerde,
    private readonly options: EventConsumerOptions,
  ) {
    // A short session, so a crashed member's partitions move to a live one within seconds, not the
    // default 30 s; long handlers (a slow provider) keep it alive with heartbeats (RecordProcessor).
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      // A resumed partition is fetched only once the fetch in flight returns: a short long-poll keeps
      // a held record's retry close to its backoff (kafkajs waits up to 5 s by default).
      maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
    });
    this.deadLetters = new DeadLetterWriter(kafka, options.groupId);
    this.holds = new PartitionHolds(this.consumer, options.logger);
    this.records = new RecordProcessor({
      serde,
      handlers: this.handlers,
      holds: this.holds,
      deadLetters: this.deadLetters,
      backoff: options.backoff ?? defaultBackoff,
      logger: options.logger,
      metrics: options.metrics,
      heartbeatMs: HEARTBEAT_INTERVAL_MS,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.seekAssigned(payload.memberAssignment);
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.joined = false;
      options.logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    });
  }

  /** True once the group has assigned this member its partitions, false after a crash. */
  isJoined(): boolean {
    return this.joined;
  }

  on<T extends EventType>(type: T, handler: Handler<T>): this {
    this.handlers.set(type, handler as unknown as Handler<EventType>);
    return this;
  }

  topics(): string[] {
    return [...new Set([...this.handlers.keys()].map((type) => EventCatalog[type].topic))].sort();
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics(), fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.concurrency ?? 1,
      // Offsets are resolved record by record below; an unresolved record is fetched again.
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    this.holds.clear();
    await this.deadLetters.disconnect();
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) {
    const started = Date.now();
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      if ((await this.records.process(batch.topic, batch.partition, message, heartbeat)) === 'held') return;
      this.options.onRecordDone?.(batch.topic, batch.partition, Number(message.offset));
      resolveOffset(message.offset);
      await heartbeat();
      if (Date.now() - started > BATCH_BUDGET_MS) return;
    }
  }

  /** Applies resumeAt to the partitions just assigned; kafkajs fetches them from there. */
  private seekAssigned(assignment: Record<string, number[]>): void {
    const { resumeAt } = this.options;
    if (!resumeAt) return;
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const offset = resumeAt(topic, partition);
        if (offset !== undefined) this.consumer.seek({ topic, partition, offset: String(offset) });
      }
    }
  }
}
