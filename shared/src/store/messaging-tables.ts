// The two tables every service keeps beside its own state: the inbox of processed event ids
// (idempotent consumers) and the transactional outbox (events committed with the state change that
// caused them, published afterwards by the relay).
import { pendingRecordOf, type Outbox, type OutboxRecord, type PendingRecord, type PendingRow } from './outbox';
import type { Migrations, SqlDatabase } from './sql-database';

export const MESSAGING_MIGRATIONS: Migrations = {
  sqlite: [
    `CREATE TABLE processed_events (
       event_id     TEXT PRIMARY KEY,
       event_type   TEXT NOT NULL,
       processed_at INTEGER NOT NULL
     );
     CREATE TABLE outbox (
       id         INTEGER PRIMARY KEY AUTOINCREMENT,
       event_id   TEXT NOT NULL,
       event_type TEXT NOT NULL,
       topic      TEXT NOT NULL,
       key        TEXT NOT NULL,
       value      BLOB NOT NULL,
       headers    TEXT NOT NULL,
       created_at INTEGER NOT NULL
     );`,
  ],
  postgres: [
    `CREATE TABLE processed_events (
       event_id     TEXT PRIMARY KEY,
       event_type   TEXT NOT NULL,
       processed_at BIGINT NOT NULL
     );
     CREATE INDEX processed_events_at ON processed_events (processed_at);
     CREATE TABLE outbox (
       id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       event_id   TEXT NOT NULL,
       event_type TEXT NOT NULL,
       topic      TEXT NOT NULL,
       key        TEXT NOT NULL,
       value      BYTEA NOT NULL,
       headers    TEXT NOT NULL,
       created_at BIGINT NOT NULL
     );`,
  ],
};

/** Inbox and outbox on the service's own database; call inside its transactions. */
export class MessagingTables implements Outbox {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * SQLite only: a service's own migrations are numbered after the shared one, so it can never grow a
   * second step; the inbox's time index came later, as IF NOT EXISTS (PostgreSQL's first step has it).
   */
  async open(): Promise<void> {
    if (this.db.dialect.name === 'sqlite') {
      await this.db.run('CREATE INDEX IF NOT EXISTS processed_events_at ON processed_events (processed_at)');
    }
  }

  /** Which of `eventIds` were processed already: a consumed batch's early inbox check, in one query. */
  async processedAmong(eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await this.db.all<{ event_id: string }>(
      `SELECT event_id FROM processed_events WHERE event_id IN ${this.db.dialect.jsonValues}`,
      [JSON.stringify(eventIds)],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  /**
   * Records the event as processed; false if it already was. Inside the commit's transaction and before
   * its work: the primary key decides between two deliveries racing past the early check (another
   * instance, a rebalance): the second waits for the first's transaction, then finds its row.
   */
  async markProcessed(eventId: string, eventType: string, now: number = Date.now()): Promise<boolean> {
    const inserted = await this.db.run(
      'INSERT INTO processed_events (event_id, event_type, processed_at) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING',
      [eventId, eventType, now],
    );
    return inserted === 1;
  }

  async enqueue(records: readonly OutboxRecord[], now: number = Date.now()): Promise<void> {
    for (const r of records) {
      await this.db.run(
        'INSERT INTO outbox (event_id, event_type, topic, key, value, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [r.eventId, r.eventType, r.topic, r.key, r.value, JSON.stringify(r.headers), now],
      );
    }
    const { notifyOutbox } = this.db.dialect;
    if (records.length > 0 && notifyOutbox) await this.db.run(notifyOutbox);
  }

  async pending(limit: number): Promise<PendingRecord[]> {
    const rows = await this.db.all<PendingRow>(
      'SELECT id, event_id, event_type, topic, key, value, headers FROM outbox ORDER BY id LIMIT ?',
      [limit],
    );
    return rows.map(pendingRecordOf);
  }

  /** Published rows are deleted: the topic is now the record of them. */
  async published(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.run(`DELETE FROM outbox WHERE id IN ${this.db.dialect.jsonIntegers}`, [JSON.stringify(ids)]);
  }

  /** Rows committed and not yet published. */
  async unpublished(): Promise<number> {
    const row = await this.db.get<{ count: number }>('SELECT COUNT(*) AS count FROM outbox');
    return row?.count ?? 0;
  }

  /** Forgets up to `limit` processed event ids recorded before `before`; returns how many. */
  pruneProcessed(before: number, limit: number): Promise<number> {
    return this.db.run(
      'DELETE FROM processed_events WHERE event_id IN (SELECT event_id FROM processed_events WHERE processed_at < ? LIMIT ?)',
      [before, limit],
    );
  }
}
