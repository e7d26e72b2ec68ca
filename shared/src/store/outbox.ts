// What the outbox relay drains, behind one small interface with two strategies: the shared `outbox`
// table deletes a row once it is on Kafka (the topic is then the record of it); an event store keeps
// the row for good and only marks it published (the row is the order's history).
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

export interface Outbox {
  /** Inside the commit's transaction: the records a handler emitted, published after the commit. */
  enqueue(records: readonly OutboxRecord[], now?: number): Promise<void>;
  /** Committed rows not yet on Kafka, in commit order. */
  pending(limit: number): Promise<PendingRecord[]>;
  /** These rows are on Kafka: delete them, or mark them published. */
  published(ids: readonly number[], now?: number): Promise<void>;
  /** How many committed rows are not yet on Kafka. */
  unpublished(): Promise<number>;
}

/** A pending row as both tables select it (`id, event_id, event_type, topic, key, value, headers`). */
export interface PendingRow {
  id: number;
  event_id: string;
  event_type: string;
  topic: string;
  key: string;
  value: Buffer;
  headers: string;
}

export function pendingRecordOf(row: PendingRow): PendingRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    topic: row.topic,
    key: row.key,
    value: row.value,
    headers: JSON.parse(row.headers) as Record<string, string>,
  };
}
