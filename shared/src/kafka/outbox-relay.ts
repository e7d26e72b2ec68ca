// Drains the transactional outbox to Kafka: rows in commit order, with an idempotent producer, then
// tells the outbox they are published (the shared outbox table deletes them, the order service's event
// store marks them). A crash between send and mark re-sends on restart; consumers dedupe by eventId.
// Wake-ups are never lost: notify() raises a flag that the loop clears just before it reads the
// outbox, so a commit that lands while a drain is under way (after its read) makes the loop drain
// again at once instead of sleeping until the next poll.
import type { Kafka, Producer } from 'kafkajs';
import { producerConfig } from './client';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import type { Outbox } from '../store/outbox';
import type { SqliteDatabase } from '../store/sqlite';

export interface OutboxRelayOptions {
  logger: Logger;
  metrics: SagaMetrics;
  batchSize?: number;
  /** Poll interval when nothing signalled new rows (e.g. rows left by a previous process). */
  idleMs?: number;
}

export class OutboxRelay {
  private readonly producer: Producer;
  private running = false;
  /** Rows may have been committed since the last read of the outbox. */
  private signalled = true;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly db: SqliteDatabase,
    private readonly outbox: Outbox,
    private readonly options: OutboxRelayOptions,
  ) {
    this.producer = kafka.producer(producerConfig(5));
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
    while ((await this.drain()) > 0);
    await this.producer.disconnect();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // A full batch means more may be waiting; otherwise only a notify() since the read does.
        if ((await this.drain()) === this.batchSize() || this.signalled) continue;
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay failed to publish; will retry');
      }
      await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.idleMs ?? 250);
      this.wake = done;
    });
  }

  private batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** Publishes one batch of pending rows; returns how many. */
  async drain(): Promise<number> {
    this.signalled = false;
    const rows = await this.db.read(() => this.outbox.pending(this.batchSize()));
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
      await this.db.transaction(() => this.outbox.published(rows.map((row) => row.id)));
      for (const row of rows) this.options.metrics.produced.inc({ type: row.eventType });
    }
    this.options.metrics.outboxUnpublished.set(await this.db.read(() => this.outbox.unpublished()));
    return rows.length;
  }
}
