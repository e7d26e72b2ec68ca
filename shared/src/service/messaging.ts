// How a service handles an event: once per eventId (inbox), one order at a time (keyed lock), and
// with its state change and the events it emits committed in one local transaction (outbox). The
// relay publishes those events afterwards; the consumer commits the offset only after all of this.
import type { AvroSerde } from '../avro/serde';
import { newEnvelope, causedBy, type Cause, type Envelope } from '../envelope';
import { DuplicateDeliveryError, InvariantError } from '../errors';
import type { EventMap, EventType } from '../generated/events';
import type { Handler, EventContext } from '../kafka/consumer';
import type { OutboxRelay } from '../kafka/outbox-relay';
import { recordHeaders } from '../kafka/publisher';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import type { MessagingTables } from '../store/messaging-tables';
import type { Outbox, OutboxRecord } from '../store/outbox';
import type { SqliteDatabase } from '../store/sqlite';
import { KeyedMutex } from './keyed-mutex';

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
}

export type ServiceHandler<T extends EventType> = (event: EventMap[T], context: HandlerContext) => Promise<void>;

export interface ServiceMessagingOptions {
  service: string;
  db: SqliteDatabase;
  /** The inbox (processed event ids). */
  tables: MessagingTables;
  /** Where emitted records wait for the relay, inside the commit's transaction. */
  outbox: Outbox;
  /** Only what the outbox needs: handler component tests stand in a registry-free encoder. */
  serde: Pick<AvroSerde, 'encode' | 'topicOf'>;
  relay: Pick<OutboxRelay, 'notify'>;
  metrics: SagaMetrics;
}

export class ServiceMessaging {
  private readonly locks = new KeyedMutex();

  constructor(private readonly options: ServiceMessagingOptions) {}

  /** Adapts a service handler to the consumer: dedupe, serialise per order, commit, count. */
  handle<T extends EventType>(type: T, handler: ServiceHandler<T>): Handler<T> {
    const { db, tables, metrics } = this.options;
    return (event: EventMap[T], consumed: EventContext) =>
      this.locks.run(event.envelope.correlationId, async () => {
        const { eventId } = event.envelope;
        // A cheap early skip; the check that decides is the one inside the commit's transaction.
        if (await db.read(() => tables.isProcessed(eventId))) return this.skipDuplicate(type, consumed);
        const timer = metrics.handlerSeconds.startTimer({ type });
        try {
          const unit = this.unitOfWork(causedBy(event.envelope), { eventId, type });
          const { emit, encode, commit } = unit;
          await handler(event, { envelope: event.envelope, log: consumed.log, emit, encode, commit });
          if (!unit.committed()) await unit.commit(() => undefined);
          metrics.consumed.inc({ type });
        } catch (error) {
          if (error instanceof DuplicateDeliveryError) return this.skipDuplicate(type, consumed);
          metrics.failed.inc({ type, error: (error as { code?: string }).code ?? (error as Error).name ?? 'unknown' });
          throw error;
        } finally {
          timer();
        }
      });
  }

  /** For work not triggered by an event (a timer, a request): same lock, transaction and outbox. */
  act<R>(cause: Cause, work: (context: UnitOfWork) => Promise<R>): Promise<R> {
    return this.locks.run(cause.correlationId, () => {
      const { emit, encode, commit } = this.unitOfWork(cause);
      return work({ emit, encode, commit });
    });
  }

  private unitOfWork(cause: Cause, processed?: { eventId: string; type: string }) {
    const { service, db, tables, outbox, serde, relay } = this.options;
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
        headers: recordHeaders(type, envelope),
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
      const result = await db.transaction(async () => {
        // Inside the transaction, so two deliveries racing past the early check (another instance,
        // a rebalance) cannot both commit: the second finds the first's row and rolls back.
        if (processed && tables.isProcessed(processed.eventId)) throw new DuplicateDeliveryError(processed.eventId);
        const value = await work();
        if (processed) tables.markProcessed(processed.eventId, processed.type);
        outbox.enqueue(queued);
        flushed = true;
        return value;
      });
      if (encoded > 0) relay.notify();
      return result;
    };
    return { emit, encode, commit, committed: () => committed };
  }

  private skipDuplicate(type: EventType, consumed: EventContext): void {
    this.options.metrics.duplicates.inc({ type });
    consumed.log.info('duplicate delivery skipped');
  }
}
