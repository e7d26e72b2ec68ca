// The two tables every service keeps beside its own state: the inbox of processed event ids
// (idempotent consumers) and the transactional outbox (events committed with the state change that
// caused them, published afterwards by the relay).
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

export interface OutboxRecord {
  eventId: string;
  eventType: string;
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface PendingRecord extends OutboxRecord {
  id: number;
}

/** Inbox and outbox on the service's own database; call inside its transactions. */
export class MessagingTables {
  constructor(private readonly db: Db) {}

  isProcessed(eventId: string): boolean {
    return this.db.prepare('SELECT 1 FROM processed_events WHERE event_id = ?').get(eventId) !== undefined;
  }

  markProcessed(eventId: string, eventType: string, now: number = Date.now()): void {
    this.db
      .prepare('INSERT OR IGNORE INTO processed_events (event_id, event_type, processed_at) VALUES (?, ?, ?)')
      .run(eventId, eventType, now);
  }

  enqueue(records: readonly OutboxRecord[], now: number = Date.now()): void {
    const insert = this.db.prepare(
      'INSERT INTO outbox (event_id, event_type, topic, key, value, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of records)
      insert.run(r.eventId, r.eventType, r.topic, r.key, r.value, JSON.stringify(r.headers), now);
  }

  pending(limit: number): PendingRecord[] {
    const rows = this.db
      .prepare('SELECT id, event_id, event_type, topic, key, value, headers FROM outbox ORDER BY id LIMIT ?')
      .all(limit) as {
      id: number;
      event_id: string;
      event_type: string;
      topic: string;
      key: string;
      value: Buffer;
      headers: string;
    }[];
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type,
      topic: row.topic,
      key: row.key,
      value: row.value,
      headers: JSON.parse(row.headers) as Record<string, string>,
    }));
  }

  /** Published rows are deleted: the topic is now the record of them. */
  remove(ids: readonly number[]): void {
    const remove = this.db.prepare('DELETE FROM outbox WHERE id = ?');
    for (const id of ids) remove.run(id);
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
  }
}
