// What happens to one record: decode, dispatch to its handler, and decide on failure. A retriable
// failure holds back only the record's partition for the backoff delay (or, with the breaker open,
// until the probe) and reports 'held': the caller leaves the record unresolved, so kafkajs fetches it
// again, before anything behind it, once the partition resumes. A permanent failure, or the last
// attempt, goes to the dead-letter topic and reports 'done', so the partition moves on.
import type { KafkaMessage } from 'kafkajs';
import type { AvroSerde } from '../avro/serde';
import { CircuitOpenError, isRetriable } from '../errors';
import type { EventMap, EventType } from '../generated/events';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { DeadLetterWriter } from './dead-letters';
import type { PartitionHolds } from './partition-holds';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  schemaId: number;
  log: Logger;
}

export type Handler<T extends EventType> = (event: EventMap[T], context: EventContext) => Promise<void>;

export type Outcome = 'done' | 'held';

export interface RecordProcessorDeps {
  serde: AvroSerde;
  handlers: ReadonlyMap<EventType, Handler<EventType>>;
  holds: PartitionHolds;
  deadLetters: DeadLetterWriter;
  backoff: BackoffPolicy;
  logger: Logger;
  metrics: SagaMetrics | undefined;
  /** How often to heartbeat while a handler runs (the consumer's heartbeat interval). */
  heartbeatMs: number;
}

export class RecordProcessor {
  constructor(private readonly deps: RecordProcessorDeps) {}

  async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    const { serde, handlers, holds, backoff, metrics } = this.deps;
    const key = message.key?.toString() ?? null;
    const where = { topic, partition, offset: message.offset, correlationId: key };
    // At most one child logger per record (each costs a serialisation of its bindings, on every
    // record of every service): with the event's id once it is decoded, or bare on an early failure.
    let bound: Logger | undefined;
    const log = (): Logger => (bound ??= this.deps.logger.child(where));
    const attempt = holds.attempt(topic, partition, message.offset);
    try {
      const decoded = await serde.decode(message.value);
      const handler = handlers.get(decoded.type);
      if (handler) {
        bound = this.deps.logger.child({ ...where, eventId: decoded.value.envelope.eventId, eventType: decoded.type });
        const context = { topic, partition, offset: message.offset, key, schemaId: decoded.schemaId, log: bound };
        await this.keepingAlive(heartbeat, bound, () => handler(decoded.value, context));
      } // else another type on a shared topic: not ours to handle
      holds.forget(topic, partition);
      return 'done';
    } catch (error) {
      if (error instanceof CircuitOpenError) {
        // The provider is down: hold this partition (this order and the ones behind it) until the
        // breaker lets a probe through. The outage is the breaker's to judge: attempts start afresh.
        holds.forget(topic, partition);
        holds.hold(topic, partition, error.retryAfterMs);
        metrics?.partitionsPaused.inc({ topic });
        log().warn({ breaker: error.breaker, pauseMs: error.retryAfterMs }, 'circuit open: partition paused');
        return 'held';
      }
      if (!isRetriable(error) || attempt >= backoff.maxAttempts) {
        return this.deadLetter(topic, partition, message, error, attempt, log());
      }
      const delay = backoffDelay(backoff, attempt);
      log().warn({ err: error, attempt, delayMs: delay }, 'record failed; partition held for a retry after backoff');
      holds.hold(topic, partition, delay);
      return 'held';
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempt: number,
    log: Logger,
  ): Promise<Outcome> {
    const { deadLetters, holds, metrics } = this.deps;
    log.error({ err: error, attempt }, 'record failed permanently; writing it to the dead-letter topic');
    try {
      await deadLetters.write({ topic, partition, ...message, key: message.key }, error, attempt);
    } catch (writeError) {
      // Not written, so not skipped: hold the partition and go through the record again later.
      log.error({ err: writeError }, 'dead letter not written; partition held');
      holds.hold(topic, partition, backoffDelay(this.deps.backoff, attempt));
      return 'held';
    }
    metrics?.deadLettered.inc({ topic: deadLetters.topic });
    holds.forget(topic, partition);
    return 'done';
  }

  /** Runs `work`, heartbeating meanwhile: kafkajs only heartbeats between records on its own. */
  private async keepingAlive<T>(heartbeat: () => Promise<void>, log: Logger, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        // A rebalance is under way: kafkajs rejoins once this batch is done; nothing to do here.
        log.debug({ err: error }, 'heartbeat during a long handler failed');
      });
    }, this.deps.heartbeatMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}
