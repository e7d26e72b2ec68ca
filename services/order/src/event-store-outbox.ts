// The relay's view of the event store: the order's own events (rows with a topic) not yet published, in
// commit order. Once on Kafka a row is marked published, never deleted: it stays the order's history.
// So the event store and the outbox are one table and cannot disagree.
import {
  InvariantError,
  pendingRecordOf,
  type Db,
  type Outbox,
  type OutboxRecord,
  type PendingRecord,
  type PendingRow,
} from '@saga/shared';

export class EventStoreOutbox implements Outbox {
  private readonly statements;

  constructor(db: Db) {
    const unpublished = 'FROM order_events WHERE topic IS NOT NULL AND published_at IS NULL';
    this.statements = {
      pending: db.prepare(
        `SELECT position AS id, event_id, event_type, topic, key, value, headers ${unpublished} ORDER BY position LIMIT ?`,
      ),
      published: db.prepare('UPDATE order_events SET published_at = ? WHERE position = ?'),
      unpublished: db.prepare(`SELECT COUNT(*) AS count ${unpublished}`),
    };
  }

  /** The order service appends its events to their stream (OrderStore.append), never through emit(). */
  enqueue(records: readonly OutboxRecord[]): void {
    if (records.length > 0) {
      throw new InvariantError(
        `${records[0]!.eventType} emitted: the order service appends its events to the order's stream`,
      );
    }
  }

  pending(limit: number): PendingRecord[] {
    return (this.statements.pending.all(limit) as PendingRow[]).map(pendingRecordOf);
  }

  published(ids: readonly number[], now: number = Date.now()): void {
    for (const id of ids) this.statements.published.run(now, id);
  }

  unpublished(): number {
    return (this.statements.unpublished.get() as { count: number }).count;
  }
}
