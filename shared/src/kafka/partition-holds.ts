// Holds back one partition while the others flow. kafkajs fetches again only once every batch of a
// fetch is done, so waiting in place (a backoff sleep, an open breaker) stalls every partition of the
// consumer. Instead the consumer leaves the failing record unresolved, pauses its partition and
// returns; kafkajs fetches from the first unresolved offset, so the same record comes back, in order,
// once the partition resumes. The resume is a timer, not the tail of a heartbeat loop: it fires even
// if a rebalance or a broker restart interrupts the wait (kafkajs keeps pauses across reassignment).
import type { Consumer } from 'kafkajs';
import type { Logger } from '../log';

type Pausing = Pick<Consumer, 'pause' | 'resume'>;

const keyOf = (topic: string, partition: number) => `${topic}|${partition}`;

export class PartitionHolds {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly attempts = new Map<string, { offset: string; count: number }>();

  constructor(
    private readonly consumer: Pausing,
    private readonly log: Logger,
  ) {}

  /** Counts an attempt at the record at `offset`; returns how many there have been, this one included. */
  attempt(topic: string, partition: number, offset: string): number {
    const key = keyOf(topic, partition);
    const previous = this.attempts.get(key);
    const count = previous?.offset === offset ? previous.count + 1 : 1;
    this.attempts.set(key, { offset, count });
    return count;
  }

  /** The record is done with (handled or dead-lettered), or its failures no longer count (an outage). */
  forget(topic: string, partition: number): void {
    this.attempts.delete(keyOf(topic, partition));
  }

  /** Pauses the partition now and resumes it after `ms`, whatever happens to the group meanwhile. */
  hold(topic: string, partition: number, ms: number): void {
    const key = keyOf(topic, partition);
    clearTimeout(this.timers.get(key));
    this.consumer.pause([{ topic, partitions: [partition] }]);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.resume(topic, partition);
    }, ms);
    this.timers.set(key, timer);
  }

  /** Partitions held right now (for tests and diagnostics). */
  held(): string[] {
    return [...this.timers.keys()];
  }

  /** On stop: nothing is left to resume, and no timer may keep the process alive. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.attempts.clear();
  }

  private resume(topic: string, partition: number): void {
    try {
      this.consumer.resume([{ topic, partitions: [partition] }]);
      this.log.info({ topic, partition }, 'partition resumed: retrying its first unhandled record');
    } catch (error) {
      // Only when kafkajs is between runs (restarting after a crash): its new run starts unpaused.
      this.log.warn({ err: error, topic, partition }, 'could not resume a partition; the next run starts unpaused');
    }
  }
}
