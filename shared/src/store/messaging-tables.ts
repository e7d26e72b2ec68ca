// The two tables every service keeps beside its own state: the inbox of processed event ids
// (idempotent consumers) and the transactional outbox (events committed with the state change that
// caused them, published afterwards by the relay).
import { pendingRecordOf, type Outbox, type OutboxRecord, type PendingRecord, type PendingRow } from './outbox';
import type { Db } from './sqlite';

export const MESSAGING_MIGRATION = `
  CREATE TABLE processed_events (
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
  );
`;

/**
 * Inbox and outbox on the service's own database; call inside its transactions (or SqliteDatabase.read).
 * Statements are prepared once: every consumed event runs the inbox lookup, and every commit the outbox
 * insert.
 */
export class MessagingTables implements Outbox {
  private readonly statements;

  constructor(db: Db) {
    // Here rather than in MESSAGING_MIGRATION: a service's migrations are numbered after that one, so
    // it can never grow a second step; IF NOT EXISTS makes this as idempotent as a migration.
    db.exec('CREATE INDEX IF NOT EXISTS processed_events_at ON processed_events (processed_at)');
    this.statements = {
      isProcessed: db.prepare('SELECT 1 FROM processed_events WHERE event_id = ?'),
      markProcessed: db.prepare(
        'INSERT OR IGNORE INTO processed_events (event_id, event_type, processed_at) VALUES (?, ?, ?)',
      ),
      enqueue: db.prepare(
        'INSERT INTO outbox (event_id, event_type, topic, key, value, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      pending: db.prepare(
        'SELECT id, event_id, event_type, topic, key, value, headers FROM outbox ORDER BY id LIMIT ?',
      ),
      remove: db.prepare('DELETE FROM outbox WHERE id = ?'),
      unpublished: db.prepare('SELECT COUNT(*) AS count FROM outbox'),
      prune: db.prepare(
        'DELETE FROM processed_events WHERE rowid IN (SELECT rowid FROM processed_events WHERE processed_at < ? LIMIT ?)',
      ),
    };
  }

  isProcessed(eventId: string): boolean {
    return this.statements.isProcessed.get(eventId) !== undefined;
  }

  markProcessed(eventId: string, eventType: string, now: number = Date.now()): void {
    this.statements.markProcessed.run(eventId, eventType, now);
  }

  enqueue(records: readonly OutboxRecord[], now: number = Date.now()): void {
    for (const r of records) {
      this.statements.enqueue.run(r.eventId, r.eventType, r.topic, r.key, r.value, JSON.stringify(r.headers), now);
    }
  }

  pending(limit: number): PendingRecord[] {
    return (this.statements.pending.all(limit) as PendingRow[]).map(pendingRecordOf);
  }

  /** Published rows are deleted: the topic is now the record of them. */
  published(ids: readonly number[]): void {
    for (const id of ids) this.statements.remove.run(id);
  }

  /** Rows committed and not yet published. */
  unpublished(): number {
    return (this.statements.unpublished.get() as { count: number }).count;
  }

  /** Forgets up to `limit` processed event ids recorded before `before`; returns how many. */
  pruneProcessed(before: number, limit: number): number {
    return this.statements.prune.run(before, limit).changes;
  }
}
