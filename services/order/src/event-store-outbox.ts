// The relay's view of the event store: the order's own events (rows with a topic) not yet published, in
// commit order. Once on Kafka a row is marked published, never deleted: it stays the order's history.
// So the event store and the outbox are one table and cannot disagree.
import {
  InvariantError,
  pendingRecordOf,
  type Outbox,
  type OutboxRecord,
  type PendingRecord,
  type PendingRow,
  type SqlDatabase,
} from '@saga/shared';

const UNPUBLISHED = 'FROM order_events WHERE topic IS NOT NULL AND published_at IS NULL';

export class EventStoreOutbox implements Outbox {
  constructor(private readonly db: SqlDatabase) {}

  /** The order service appends its events to their stream (OrderStore.append), never through emit(). */
  enqueue(records: readonly OutboxRecord[]): Promise<void> {
    if (records.length > 0) {
      return Promise.reject(
        new InvariantError(
          `${records[0]!.eventType} emitted: the order service appends its events to the order's stream`,
        ),
      );
    }
    return Promise.resolve();
  }

  async pending(limit: number): Promise<PendingRecord[]> {
    const rows = await this.db.all<PendingRow>(
      `SELECT position AS id, event_id, event_type, topic, key, value, headers ${UNPUBLISHED} ORDER BY position LIMIT ?`,
      [limit],
    );
    return rows.map(pendingRecordOf);
  }

  async published(ids: readonly number[], now: number = Date.now()): Promise<void> {
    if (ids.length === 0) return;
    await this.db.run(`UPDATE order_events SET published_at = ? WHERE position IN ${this.db.dialect.jsonIntegers}`, [
      now,
      JSON.stringify(ids),
    ]);
  }

  async unpublished(): Promise<number> {
    const row = await this.db.get<{ count: number }>(`SELECT COUNT(*) AS count ${UNPUBLISHED}`);
    return row?.count ?? 0;
  }
}
