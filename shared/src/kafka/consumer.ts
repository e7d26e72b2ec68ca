// Consumes typed events for one consumer group, a fetched batch of one partition at a time. Handlers
// are registered per event type; the topics to subscribe to follow from the types. A batch is decoded
// together and handed to the dispatcher (a service's ServiceMessaging handles it as one unit; without
// one, each record's handler runs in turn); the offsets of the records it reports done are resolved, and
// committed in the background for every partition at once (OffsetCommits). A failed record is settled by RecordFailures: a retriable
// failure holds back only its own partition (PartitionHolds: pause, leave the record unresolved, resume
// after the backoff), so the record is tried again before anything behind it while the other partitions
// flow; a permanent failure, or the last attempt, is dead-lettered and the batch goes on.
import {
  PartitionAssigners,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
} from 'kafkajs';
import type { AvroSerde } from '../avro/serde';
import { InvariantError } from '../errors';
import { EventCatalog, type EventMap, type EventType } from '../generated/events';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import { defaultBackoff, type BackoffPolicy } from './backoff';
import { CoPartitionedAssigner } from './co-partitioned-assigner';
import { DeadLetterWriter } from './dead-letters';
import { OffsetCommits } from './offset-commits';
import { PartitionHolds } from './partition-holds';
import { RecordFailures, type Outcome } from './record-failures';
import { processSpan, type ConsumedRecordInfo } from '../telemetry/record-spans';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  schemaId: number;
  /** The consumer group reading it. */
  groupId: string;
  /** The record's headers as kafkajs reads them (the W3C `traceparent` among them); absent when it has none. */
  headers?: IHeaders;
  /** The consumer's logger bound to this record (topic, partition, offset, event id); made on first use. */
  log: Logger;
}

export type Handler<T extends EventType> = (event: EventMap[T], context: EventContext) => Promise<void>;

/** One decoded record of a batch, as a dispatcher gets it. */
export interface ConsumedRecord<T extends EventType = EventType> {
  type: T;
  event: EventMap[T];
  context: EventContext;
}

/** What the consumer does with a record whose handler failed: dead-letter it ('done') or hold it back ('held'). */
export type Settle = (record: ConsumedRecord, error: unknown) => Promise<Outcome>;

/**
 * Handles one partition's batch of decoded records, in offset order, and resolves with how many records
 * from the start of it are done: a failed record goes to `settle`, and the batch stops at one held back.
 */
export type BatchDispatch = (records: readonly ConsumedRecord[], settle: Settle) => Promise<number>;

export interface EventConsumerOptions {
  /** A ConsumerGroups value for services; `<groupId>.dlt` must exist (see topics.ts). */
  groupId: string;
  logger: Logger;
  metrics?: SagaMetrics;
  fromBeginning?: boolean;
  backoff?: BackoffPolicy;
  /** Partitions handled at once; order within a partition (an order's events) is always kept. */
  concurrency?: number;
  /** Handles a batch as a unit (a service's ServiceMessaging); by default each record's handler runs in turn. */
  dispatch?: BatchDispatch;
  /** Fetch settings; see FetchDefaults. */
  fetch?: Partial<FetchSettings>;
  /**
   * For a consumer that keeps its own offsets with its state (the gateway's read model): where to
   * resume a partition when it is assigned; undefined leaves the group's committed offset.
   */
  resumeAt?: (topic: string, partition: number) => number | undefined;
  /** Called once a record is done with (handled, not ours, or dead-lettered), before its offset is resolved. */
  onRecordDone?: (topic: string, partition: number, offset: number) => void;
}

export interface FetchSettings {
  /** The broker answers a fetch once this many bytes are there, or after maxWaitMs. */
  minBytes: number;
  maxWaitMs: number;
}

/**
 * The broker answers a fetch as soon as one record is there, and an idle consumer long-polls for a second.
 * Batches come from the handling, not from the fetch: while a batch is handled the next records pile up,
 * so a loaded consumer's next fetch brings them all. Measured with `make bench` against 16 KiB / 20 ms
 * (docs/benchmarks.md): the same CPU per order within the machine's spread at every rate, while an idle
 * consumer would ask 50 times a second instead of once. Both are settings (CONSUMER_FETCH_*).
 */
export const FetchDefaults: FetchSettings = { minBytes: 1, maxWaitMs: 1_000 };

/** How often resolved offsets are committed, in one request for every partition (see OffsetCommits). */
const OFFSET_COMMIT_INTERVAL_MS = 500;
const SESSION_TIMEOUT_MS = 10_000;
const HEARTBEAT_INTERVAL_MS = 3_000;
/** Records handled as one unit: a bigger fetch is split, so one transaction stays short. */
const MAX_RECORDS_PER_DISPATCH = 500;
/**
 * A batch stops after this long and the rest is fetched again: kafkajs waits for every batch of a
 * fetch before the next one, so one partition's run of slow records (a slow provider) would otherwise
 * delay the others by the whole run instead of by one unit.
 */
const BATCH_BUDGET_MS = 500;

export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: DeadLetterWriter;
  private readonly handlers = new Map<EventType, Handler<EventType>>();
  private readonly holds: PartitionHolds;
  private readonly failures: RecordFailures;
  private readonly dispatch: BatchDispatch;
  private readonly commits: OffsetCommits;
  /** Batches being handled, so stop() can wait for them before the last commit. */
  private readonly inFlight = new Set<Promise<void>>();
  private joined = false;

  constructor(
    kafka: Kafka,
    private readonly serde: AvroSerde,
    private readonly options: EventConsumerOptions,
  ) {
    const fetch = { ...FetchDefaults, ...options.fetch };
    // A short session, so a crashed member's partitions move to a live one within seconds, not the
    // default 30 s; long handlers (a slow provider) keep it alive with heartbeats (consumeBatch).
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      minBytes: fetch.minBytes,
      // Also how long a resumed partition may wait for the fetch in flight to return: a short wait keeps
      // a held record's retry close to its backoff (kafkajs waits up to 5 s by default).
      maxWaitTimeInMs: fetch.maxWaitMs,
      // Round robin second: the protocol members of an older version share while a rolling upgrade lasts.
      partitionAssigners: [CoPartitionedAssigner, PartitionAssigners.roundRobin],
    });
    this.deadLetters = new DeadLetterWriter(kafka, options.groupId);
    this.holds = new PartitionHolds(this.consumer, options.logger);
    this.failures = new RecordFailures({
      holds: this.holds,
      deadLetters: this.deadLetters,
      backoff: options.backoff ?? defaultBackoff,
      metrics: options.metrics,
    });
    this.dispatch = options.dispatch ?? ((records, settle) => this.eachInTurn(records, settle));
    this.commits = new OffsetCommits(this.consumer, options.logger, OFFSET_COMMIT_INTERVAL_MS);
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.commits.retain(payload.memberAssignment);
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
      // Offsets are resolved for the records the dispatcher reports done; an unresolved one is fetched
      // again. They are committed by OffsetCommits, not after every batch.
      eachBatchAutoResolve: false,
      autoCommit: false,
      eachBatch: (payload) => this.tracked(this.consumeBatch(payload)),
    });
  }

  /** Graceful: stop fetching, let the batches under way finish, commit their offsets, then leave. */
  async stop(): Promise<void> {
    this.holds.clear();
    try {
      this.consumer.pause(this.topics().map((topic) => ({ topic })));
    } catch (error) {
      // Only when the consumer never ran (a failed start): there is nothing to pause.
      this.options.logger.debug({ err: error }, 'consumer not running at stop');
    }
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.commits.flush();
    await this.consumer.disconnect();
    this.commits.clear();
    await this.deadLetters.disconnect();
  }

  private async tracked(batch: Promise<void>): Promise<void> {
    this.inFlight.add(batch);
    try {
      await batch;
    } finally {
      this.inFlight.delete(batch);
    }
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload) {
    const { topic, partition } = batch;
    const started = Date.now();
    const messages = batch.messages;
    this.options.metrics?.batchRecords.observe({ topic }, messages.length);
    // kafkajs heartbeats only between batches on its own: a long unit (a slow provider) needs these.
    const beat = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        // A rebalance is under way: kafkajs rejoins once this batch is done; nothing to do here.
        this.options.logger.debug({ err: error, topic, partition }, 'heartbeat during a long batch failed');
      });
    }, HEARTBEAT_INTERVAL_MS);
    try {
      for (let from = 0; from < messages.length; ) {
        if (!isRunning() || isStale() || Date.now() - started > BATCH_BUDGET_MS) return;
        const unit = messages.slice(from, from + MAX_RECORDS_PER_DISPATCH);
        const done = await this.consumeUnit(topic, partition, unit);
        for (const message of unit.slice(0, done)) {
          this.options.onRecordDone?.(topic, partition, Number(message.offset));
        }
        const last = unit[done - 1];
        if (last) {
          resolveOffset(last.offset);
          this.commits.resolved(topic, partition, last.offset);
        }
        if (done < unit.length) return;
        from += done;
      }
    } finally {
      clearInterval(beat);
    }
  }

  /** Decodes `messages` and dispatches them; resolves with how many from the start are done. */
  private async consumeUnit(topic: string, partition: number, messages: KafkaMessage[]): Promise<number> {
    const records: ConsumedRecord[] = [];
    const settle: Settle = (record, error) =>
      this.failures.settle(topic, partition, messageAt(messages, record), error, record.context.log);
    for (const [index, message] of messages.entries()) {
      let record: ConsumedRecord | undefined;
      try {
        record = await this.decode(topic, partition, message);
      } catch (error) {
        // Handle the records before it first, then this one alone: a batch never skips past a record.
        const before = await this.dispatchOurs(records, settle);
        if (before < records.length) return indexOf(messages, records[before]?.context.offset);
        const log = this.options.logger.child({ topic, partition, offset: message.offset });
        if ((await this.failures.settle(topic, partition, message, error, log)) === 'held') return index;
        records.length = 0;
        continue;
      }
      if (record) records.push(record);
    }
    const done = await this.dispatchOurs(records, settle);
    return done < records.length ? indexOf(messages, records[done]?.context.offset) : messages.length;
  }

  private async dispatchOurs(records: readonly ConsumedRecord[], settle: Settle): Promise<number> {
    if (records.length === 0) return 0;
    return this.dispatch(records, settle);
  }

  /** The record of `message`, or undefined for another type on a shared topic (not ours to handle). */
  private async decode(topic: string, partition: number, message: KafkaMessage): Promise<ConsumedRecord | undefined> {
    const decoded = await this.serde.decode(message.value);
    if (!this.handlers.has(decoded.type)) return undefined;
    const key = message.key?.toString() ?? null;
    const { logger } = this.options;
    let bound: Logger | undefined;
    const where = {
      topic,
      partition,
      offset: message.offset,
      correlationId: key,
      eventId: decoded.value.envelope.eventId,
      eventType: decoded.type,
    };
    const context: EventContext = {
      topic,
      partition,
      offset: message.offset,
      key,
      schemaId: decoded.schemaId,
      groupId: this.options.groupId,
      headers: message.headers,
      // A child logger costs a serialisation of its bindings: only a record that logs pays for one.
      get log() {
        return (bound ??= logger.child(where));
      },
    };
    return { type: decoded.type, event: decoded.value, context };
  }

  /** Without a dispatcher: each record's handler in turn, stopping at one held back. */
  private async eachInTurn(records: readonly ConsumedRecord[], settle: Settle): Promise<number> {
    for (const [index, record] of records.entries()) {
      const outcome = await processSpan(consumedInfo(record), this.options.groupId, async () => {
        try {
          await this.handlers.get(record.type)?.(record.event, record.context);
          return 'done';
        } catch (error) {
          return settle(record, error);
        }
      });
      if (outcome === 'held') return index;
    }
    return records.length;
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

/** What a record's process span says of it. */
export function consumedInfo({ type, event, context }: ConsumedRecord): ConsumedRecordInfo {
  return {
    ...context,
    eventId: event.envelope.eventId,
    eventType: type,
    correlationId: event.envelope.correlationId,
  };
}

function messageAt(messages: readonly KafkaMessage[], record: ConsumedRecord): KafkaMessage {
  const message = messages.find(({ offset }) => offset === record.context.offset);
  if (!message) throw new InvariantError(`no message at offset ${record.context.offset} in the batch`);
  return message;
}

/** Where the record at `offset` is in `messages`: how many before it are done when it is not. */
function indexOf(messages: readonly KafkaMessage[], offset: string | undefined): number {
  const index = messages.findIndex((message) => message.offset === offset);
  if (index === -1) throw new InvariantError(`no message at offset ${offset} in the batch`);
  return index;
}
