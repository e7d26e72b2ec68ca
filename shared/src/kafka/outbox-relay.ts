// Drains the transactional outbox to Kafka: rows in commit order, with an idempotent producer, then
// deletes them. A crash between send and delete re-sends on restart; consumers dedupe by eventId.
import type { Kafka, Producer } from 'kafkajs';
import { producerConfig } from './client';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import type { MessagingTables } from '../store/messaging-tables';
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
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly db: SqliteDatabase,
    private readonly tables: MessagingTables,
    private readonly options: OutboxRelayOptions,
  ) {
    this.producer = kafka.producer(producerConfig(5));
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  /** New rows were committed: publish them now rather than at the next poll. */
  notify(): void {
    this.wake?.();
  }

  /** Stops after publishing what is pending, so a graceful shutdown leaves the outbox empty. */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await this.drain();
    await this.producer.disconnect();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const published = await this.drain();
        if (published > 0) continue;
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay failed to publish; will retry');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.idleMs ?? 250);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Publishes one batch of pending rows; returns how many. */
  async drain(): Promise<number> {
    const rows = this.tables.pending(this.options.batchSize ?? 500);
    this.options.metrics.outboxPending.set(rows.length);
    if (rows.length === 0) return 0;
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
    await this.db.transaction(() => this.tables.remove(rows.map((row) => row.id)));
    for (const row of rows) this.options.metrics.produced.inc({ type: row.eventType });
    return rows.length;
  }
}
