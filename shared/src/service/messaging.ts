// How a service handles events: once per eventId (inbox), one order at a time (keyed lock), and with
// its state change and the events it emits committed in one local transaction (outbox). The relay
// publishes those events afterwards; the consumer commits the offset only after all of this.
//
// A consumed batch is handled as a unit (dispatch): its event ids are checked against the inbox in one
// query, its orders are locked together, and its handlers' commits are grouped into as few store
// transactions as the handlers allow (BatchRun): one for handlers that only decide and write, two for
// one that records an intent, calls a provider and records the result. Handlers stay per-record
// functions; a handler called on its own (a test, a consumer without dispatch) is a batch of one.
import { context as traceContext } from '@opentelemetry/api';
import type { AvroSerde } from '../avro/serde';
import { newEnvelope, causedBy, type Cause, type Envelope } from '../envelope';
import { DuplicateDeliveryError, InvariantError } from '../errors';
import type { EventMap, EventType } from '../generated/events';
import { consumedInfo, type ConsumedRecord, type EventContext, type Handler, type Settle } from '../kafka/consumer';
import type { OutboxRelay } from '../kafka/outbox-relay';
import { recordHeaders } from '../kafka/publisher';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import type { MessagingTables } from '../store/messaging-tables';
import type { Outbox, OutboxRecord } from '../store/outbox';
import type { SqlDatabase } from '../store/sql-database';
import { AbandonedError, BatchRun, type BatchCommitter, type TaskOutcome } from './batch-run';
import { KeyedMutex } from './keyed-mutex';
import { processSpan, recordOutcome } from '../telemetry/record-spans';

/** An event's content without the envelope, which the runtime stamps. */
export type Body<T extends EventType> = Omit<EventMap[T], 'envelope'>;

export interface Emitter {
  /** Queues an event; it is written to the outbox when the surrounding commit succeeds. */
  emit<T extends EventType>(type: T, body: Body<T>, key?: string): void;
}

export interface Encoder {
  /**
   * The Kafka record of an event this service emits (envelope stamped, Avro-encoded), not queued: for a
   * store that is its own outbox (the order service's event store appends it to the order's stream).
   * The relay is woken after the commit.
   */
  encode<T extends EventType>(type: T, body: Body<T>, key?: string): OutboxRecord;
}

/** What work outside a handler (a timer, a seed) gets: emit or encode, and one commit. */
export type UnitOfWork = Emitter & Encoder & Pick<HandlerContext, 'commit'>;

export interface HandlerContext extends Emitter, Encoder {
  envelope: Envelope;
  log: Logger;
  /** Runs `work` and the queued events in one transaction, marking the event processed. Once per handler. */
  commit<R>(work: () => Promise<R> | R): Promise<R>;
  /**
   * Commits `work` now, before the handler goes on, without its events and without marking the event
   * processed: for a step that must be durable before something leaves the process (a provider call's
   * intent). If the handler then fails, the step stays and the event is delivered again.
   */
  checkpoint<R>(work: () => Promise<R> | R): Promise<R>;
}

export type ServiceHandler<T extends EventType> = (event: EventMap[T], context: HandlerContext) => Promise<void>;

export interface ServiceMessagingOptions {
  service: string;
  db: SqlDatabase;
  /** The inbox (processed event ids). */
  tables: MessagingTables;
  /** Where emitted records wait for the relay, inside the commit's transaction. */
  outbox: Outbox;
  /** Only what the outbox needs: handler component tests stand in a registry-free encoder. */
  serde: Pick<AvroSerde, 'encode' | 'topicOf'>;
  relay: Pick<OutboxRelay, 'notify'>;
  metrics: SagaMetrics;
}

type Commit = <R>(work: () => Promise<R> | R) => Promise<R>;

/** A handler's failure reaches its caller as it is: what a handler called on its own does. */
const rethrow: Settle = (_record, error) => Promise.reject(error);

export class ServiceMessaging {
  private readonly locks = new KeyedMutex();
  private readonly handlers = new Map<EventType, ServiceHandler<EventType>>();

  constructor(private readonly options: ServiceMessagingOptions) {}

  /**
   * Registers `handler` for dispatch and returns it as a consumer handler of its own: called directly,
   * it handles one event as a batch of one (dedupe, lock, commit, count) and throws what the handler threw.
   */
  handle<T extends EventType>(type: T, handler: ServiceHandler<T>): Handler<T> {
    this.handlers.set(type, handler as unknown as ServiceHandler<EventType>);
    return async (event, context) => {
      await this.dispatch([{ type, event, context } as ConsumedRecord], rethrow);
    };
  }

  /**
   * Handles one partition's batch, in offset order, as a unit: one inbox query, the orders locked
   * together, commits grouped. `settle` decides on a failed record (dead letter, or hold the partition);
   * resolves with how many records from the start are done.
   */
  async dispatch(records: readonly ConsumedRecord[], settle: Settle): Promise<number> {
    const { db, tables } = this.options;
    const ids = records.map((record) => record.event.envelope.eventId);
    // A cheap early skip; the check that decides is the one inside each commit's transaction.
    const processed = await tables.processedAmong(ids);
    const keys = records.map((record) => record.event.envelope.correlationId);
    const run = new BatchRun(keys, (works, stopsGroup) => db.commitGroup(works, stopsGroup));
    return this.locks.runAll(keys, () =>
      run.run((index, committer) => {
        const record = records[index];
        if (!record) throw new InvariantError(`batch has no record ${index}`);
        return this.handleOne(record, processed.has(record.event.envelope.eventId), committer, settle);
      }),
    );
  }

  /** For work not triggered by an event (a timer, a request): same lock, transaction and outbox. */
  act<R>(cause: Cause, work: (context: UnitOfWork) => Promise<R>): Promise<R> {
    return this.locks.run(cause.correlationId, () => {
      const { emit, encode, commit } = this.unitOfWork(cause, (unit) => this.options.db.transaction(unit));
      return work({ emit, encode, commit });
    });
  }

  private async handleOne(
    record: ConsumedRecord,
    duplicate: boolean,
    committer: BatchCommitter,
    settle: Settle,
  ): Promise<TaskOutcome> {
    const { type, context } = record;
    if (!this.handlers.has(type)) return 'done'; // another type on a shared topic: not ours to handle
    if (duplicate) {
      this.skipDuplicate(type, context);
      return 'done';
    }
    return processSpan(consumedInfo(record), context.groupId, () => this.handleTraced(record, committer, settle));
  }

  private async handleTraced(record: ConsumedRecord, committer: BatchCommitter, settle: Settle): Promise<TaskOutcome> {
    const { type, event, context } = record;
    const handler = this.handlers.get(type);
    if (!handler) return 'done';
    const { metrics } = this.options;
    const timer = metrics.handlerSeconds.startTimer({ type });
    try {
      const { eventId } = event.envelope;
      const commitNow: Commit = (work) => committer.commit(work);
      const unit = this.unitOfWork(causedBy(event.envelope), commitNow, { eventId, type });
      const { emit, encode, commit } = unit;
      await handler(event, { envelope: event.envelope, log: context.log, emit, encode, commit, checkpoint: commitNow });
      if (!unit.committed()) await unit.commit(() => undefined);
      metrics.consumed.inc({ type });
      return 'done';
    } catch (error) {
      if (error instanceof AbandonedError) return 'abandoned';
      if (error instanceof DuplicateDeliveryError) {
        this.skipDuplicate(type, context);
        recordOutcome('duplicate');
        return 'done';
      }
      metrics.failed.inc({ type, error: (error as { code?: string }).code ?? (error as Error).name ?? 'unknown' });
      return settle(record, error);
    } finally {
      timer();
    }
  }

  private unitOfWork(cause: Cause, commitVia: Commit, processed?: { eventId: string; type: string }) {
    const { service, tables, outbox, serde, relay } = this.options;
    // The handler's trace context, taken now: an event may be emitted inside the commit's work, which
    // runs in a grouped flush, under whichever record of the batch happened to start it.
    const trace = traceContext.active();
    const queued: OutboxRecord[] = [];
    let committed = false;
    let flushed = false;
    let encoded = 0;
    const encode = <T extends EventType>(type: T, body: Body<T>, key: string = cause.correlationId): OutboxRecord => {
      const envelope = newEnvelope(service, cause);
      const value = { envelope, ...body } as EventMap[T];
      encoded += 1;
      return {
        eventId: envelope.eventId,
        eventType: type,
        topic: serde.topicOf(type),
        key,
        value: serde.encode(type, value),
        headers: recordHeaders(type, envelope, trace),
      };
    };
    const emit = <T extends EventType>(type: T, body: Body<T>, key?: string): void => {
      if (flushed)
        throw new InvariantError(`${type} emitted after commit: emit inside the commit callback or before it`);
      queued.push(encode(type, body, key));
    };
    const commit = async <R>(work: () => Promise<R> | R): Promise<R> => {
      if (committed) throw new InvariantError('commit called twice in one handler');
      committed = true;
      const result = await commitVia(async () => {
        // First in the transaction, so two deliveries racing past the early check (another instance,
        // a rebalance) cannot both commit: the inbox's key makes the second wait, find the row, roll back.
        if (processed && !(await tables.markProcessed(processed.eventId, processed.type))) {
          throw new DuplicateDeliveryError(processed.eventId);
        }
        const value = await work();
        await outbox.enqueue(queued);
        flushed = true;
        return value;
      });
      // Many units of one batch wake the relay once: notify() only raises a flag for its next drain.
      if (encoded > 0) relay.notify();
      return result;
    };
    return { emit, encode, commit, committed: () => committed };
  }

  private skipDuplicate(type: EventType, consumed: EventContext): void {
    this.options.metrics.duplicates.inc({ type });
    consumed.log.debug('duplicate delivery skipped');
  }
}
