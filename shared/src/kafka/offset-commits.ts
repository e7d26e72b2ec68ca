// Commits the consumer's resolved offsets in the background: one OffsetCommit request for every
// partition at most every interval, instead of kafkajs' one per batch, awaited before the next fetch.
// The broker answers an OffsetCommit in milliseconds, but one per batch was most of what the consumers
// asked of it and, awaited, most of a saga hop's latency. An offset is only ever queued here after
// the state it covers is committed; a crash or a rebalance loses at most an interval of commits, and
// those records are delivered again, which the inbox makes harmless.
import type { Consumer } from 'kafkajs';
import type { Logger } from '../log';

type Committing = Pick<Consumer, 'commitOffsets'>;

interface Entry {
  topic: string;
  partition: number;
  /** The next offset to read, as Kafka commits it. */
  offset: string;
}

const keyOf = (topic: string, partition: number) => `${topic}|${partition}`;

export class OffsetCommits {
  private pending = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly consumer: Committing,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** The record at `offset` and every one before it on the partition are done with. */
  resolved(topic: string, partition: number, offset: string): void {
    this.pending.set(keyOf(topic, partition), { topic, partition, offset: (BigInt(offset) + 1n).toString() });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
  }

  /**
   * After a rebalance: forgets offsets of partitions no longer assigned to this member, so a late commit
   * never moves back the offset their new owner has committed since.
   */
  retain(assignment: Record<string, number[]>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  /** Commits everything resolved so far; resolves once the broker answered (or the commit failed and was logged). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight;
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    this.inFlight = this.consumer
      .commitOffsets(entries)
      .catch((error: unknown) => {
        // Not fatal: these records are delivered again (after a restart or a rebalance), and the inbox
        // skips them. Kept for the next commit unless a later offset has been resolved since.
        this.logger.warn({ err: error, partitions: entries.length }, 'offsets not committed; will try again');
        for (const entry of entries) {
          const key = keyOf(entry.topic, entry.partition);
          if (!this.pending.has(key)) this.pending.set(key, entry);
        }
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    await this.inFlight;
  }

  /** On stop: no timer may keep the process alive. */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
