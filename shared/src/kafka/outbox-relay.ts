// Drains the transactional outbox to Kafka: rows in commit order, with an idempotent producer, then
// tells the outbox they are published (the shared outbox table deletes them, the order service's event
// store marks them). A crash between send and mark re-sends on restart; consumers dedupe by eventId.
// Wake-ups are never lost: notify() raises a flag that the loop clears just before it reads the
// outbox, so a commit that lands while a drain is under way (after its read) makes the loop drain
// again at once instead of sleeping until the next poll.
import type { Kafka } from 'kafkajs';
import { producerConfig } from './client';
import { RenewableProducer } from './renewable-producer';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import type { Outbox } from '../store/outbox';
import { soleRelay, type RelayLease } from '../store/relay-lease';
import type { SqlDatabase } from '../store/sql-database';

/** How often an instance without the lease tries to take it: the longest pause after a drainer dies. */
const LEASE_RETRY_MS = 1_000;

export interface OutboxRelayOptions {
  logger: Logger;
  metrics: SagaMetrics;
  batchSize?: number;
  /** Poll interval when nothing signalled new rows (e.g. rows left by a previous process). */
  idleMs?: number;
  /** Whether this instance is the one that drains (several instances share one outbox). */
  lease?: RelayLease;
}

export class OutboxRelay {
  private readonly producer: RenewableProducer;
  private running = false;
  /** Rows may have been committed since the last read of the outbox. */
  private signalled = true;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly db: SqlDatabase,
    private readonly outbox: Outbox,
    private readonly options: OutboxRelayOptions,
  ) {
    this.producer = new RenewableProducer(kafka, producerConfig(5), options.logger);
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  /** New rows were committed: publish them now rather than at the next poll, even mid-drain. */
  notify(): void {
    this.signalled = true;
    this.wake?.();
  }

  /** Stops after publishing everything pending, so a graceful shutdown leaves the outbox empty. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    // Only the lease holder drains what is left; another instance publishes this one's rows.
    const draining = await this.lease()
      .held()
      .catch((error: unknown) => {
        this.options.logger.warn(
          { err: error },
          'database unreachable at stop: the outbox is left for the next drainer',
        );
        return false;
      });
    if (draining) while ((await this.drain()) > 0);
    await this.lease().release();
    await this.producer.disconnect();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // Another instance drains; this one tries to take over at every poll (it may have died).
        if (!(await this.lease().held())) {
          await this.idle(LEASE_RETRY_MS);
          continue;
        }
        // A full batch means more may be waiting; otherwise only a notify() since the read does.
        if ((await this.drain()) === this.batchSize() || this.signalled) continue;
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay failed to publish; will retry');
      }
      await this.idle();
    }
  }

  private lease(): RelayLease {
    return this.options.lease ?? soleRelay;
  }

  private idle(ms = this.options.idleMs ?? 250): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** Publishes one batch of pending rows; returns how many. */
  async drain(): Promise<number> {
    this.signalled = false;
    const rows = await this.outbox.pending(this.batchSize());
    if (rows.length > 0) {
      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.key, value: row.value, headers: row.headers });
        byTopic.set(row.topic, messages);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      this.options.metrics.relaySends.inc();
      await this.db.transaction(() => this.outbox.published(rows.map((row) => row.id)));
      for (const row of rows) this.options.metrics.produced.inc({ type: row.eventType });
    }
    this.options.metrics.outboxUnpublished.set(await this.outbox.unpublished());
    return rows.length;
  }
}
