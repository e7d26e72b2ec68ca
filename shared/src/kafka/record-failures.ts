// What happens to a record whose handling failed. A retriable failure holds back only the record's
// partition for the backoff delay (or, with the breaker open, until the probe) and reports 'held': the
// consumer leaves the record unresolved, so kafkajs fetches it again, before anything behind it, once
// the partition resumes. A permanent failure, or the last attempt, goes to the dead-letter topic and
// reports 'done', so the partition moves on.
import type { KafkaMessage } from 'kafkajs';
import { CircuitOpenError, isRetriable } from '../errors';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { DeadLetterWriter } from './dead-letters';
import type { PartitionHolds } from './partition-holds';
import { recordFailed, recordOutcome } from '../telemetry/record-spans';

/** Done with (handled, not ours, or dead-lettered), or held back to be fetched again. */
export type Outcome = 'done' | 'held';

export interface RecordFailuresDeps {
  holds: PartitionHolds;
  deadLetters: DeadLetterWriter;
  backoff: BackoffPolicy;
  metrics: SagaMetrics | undefined;
}

export class RecordFailures {
  constructor(private readonly deps: RecordFailuresDeps) {}

  /** Decides on a failed record: hold its partition for a retry, or dead-letter it and go on. */
  async settle(topic: string, partition: number, message: KafkaMessage, error: unknown, log: Logger): Promise<Outcome> {
    const { holds, backoff, metrics } = this.deps;
    // The record's process span (when one is active) says how its handling ended.
    recordFailed(error);
    if (error instanceof CircuitOpenError) {
      // The provider is down: hold this partition (this order and the ones behind it) until the
      // breaker lets a probe through. The outage is the breaker's to judge: attempts start afresh.
      holds.forget(topic, partition);
      holds.hold(topic, partition, error.retryAfterMs);
      metrics?.partitionsPaused.inc({ topic });
      log.warn({ breaker: error.breaker, pauseMs: error.retryAfterMs }, 'circuit open: partition paused');
      recordOutcome('held');
      return 'held';
    }
    const attempt = holds.attempt(topic, partition, message.offset);
    if (!isRetriable(error) || attempt >= backoff.maxAttempts) {
      return this.deadLetter(topic, partition, message, error, attempt, log);
    }
    const delay = backoffDelay(backoff, attempt);
    log.warn({ err: error, attempt, delayMs: delay }, 'record failed; partition held for a retry after backoff');
    holds.hold(topic, partition, delay);
    recordOutcome('held');
    return 'held';
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
    recordOutcome('dead-lettered');
    return 'done';
  }
}
