// The order service's event store: every order is its stream of facts (domain/order-events.ts), and
// its state is folded from that stream on every read (domain/fold.ts); no table holds a state that
// could disagree with the events. Behind a small async interface so a PostgreSQL store can replace
// SQLite for scale-out; the inbox comes from the shared runtime, and the outbox is this same table
// (event-store-outbox.ts).
import { ConcurrentAppendError, InvariantError, type OutboxRecord, type SqliteDatabase } from '@saga/shared';
import { fold } from './domain/fold';
import type { Order, OrderEvent, RecordedEvent } from './domain/order-events';

export { ORDER_MIGRATIONS } from './migrations';

export interface OrderStream {
  orderId: string;
  /** The last version appended; 0 for an order never placed. */
  version: number;
  events: RecordedEvent[];
  state: Order | undefined;
}

/** A fact to append: its eventId, and for the order's own events the Kafka record to publish. */
export interface NewEvent {
  event: OrderEvent;
  eventId: string;
  record?: OutboxRecord;
}

export interface OrderStore {
  load(orderId: string): Promise<OrderStream>;
  /**
   * Inside a commit: appends after `expectedVersion`, or throws ConcurrentAppendError (retriable) if the
   * stream has grown since it was read. Returns the state after the new events.
   */
  append(orderId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<Order>;
  /** PENDING orders whose deadline has passed, oldest deadline first. */
  overdue(now: number, limit: number): Promise<string[]>;
}

interface EventRow {
  version: number;
  event_id: string;
  event_type: string;
  payload: string;
  recorded_at: number;
  topic: string | null;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  version: row.version,
  eventId: row.event_id,
  recordedAt: row.recorded_at,
  topic: row.topic,
  event: { type: row.event_type, body: JSON.parse(row.payload) } as OrderEvent,
});

export class SqliteOrderStore implements OrderStore {
  private readonly statements;

  /** `orderTimeoutMs`: a placed order's deadline is its placement time plus this. */
  constructor(
    private readonly database: SqliteDatabase,
    private readonly orderTimeoutMs: number,
  ) {
    const { db } = database;
    this.statements = {
      // Versions below 1 are rows carried over unpublished by migration 3: relayed, never folded.
      stream: db.prepare(
        'SELECT version, event_id, event_type, payload, recorded_at, topic FROM order_events WHERE order_id = ? AND version > 0 ORDER BY version',
      ),
      append: db.prepare(
        `INSERT INTO order_events (order_id, version, event_id, event_type, payload, recorded_at, topic, key, value, headers)
         VALUES (@orderId, @version, @eventId, @type, @payload, @recordedAt, @topic, @key, @value, @headers)`,
      ),
      addDeadline: db.prepare('INSERT OR IGNORE INTO order_deadlines (order_id, deadline_at) VALUES (?, ?)'),
      dropDeadline: db.prepare('DELETE FROM order_deadlines WHERE order_id = ?'),
      overdue: db.prepare('SELECT order_id FROM order_deadlines WHERE deadline_at <= ? ORDER BY deadline_at LIMIT ?'),
    };
  }

  async load(orderId: string): Promise<OrderStream> {
    // Through the database's queue: never in the middle of another handler's open transaction.
    return this.database.read(() => this.read(orderId));
  }

  async append(orderId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<Order> {
    const before = this.read(orderId);
    if (before.version !== expectedVersion) {
      throw new ConcurrentAppendError(`order ${orderId} is at version ${before.version}, not ${expectedVersion}`);
    }
    const recordedAt = Date.now();
    const appended = events.map(({ event, eventId, record }, index): RecordedEvent => {
      const version = expectedVersion + index + 1;
      this.statements.append.run({
        orderId,
        version,
        eventId,
        type: event.type,
        payload: JSON.stringify(event.body),
        recordedAt,
        topic: record?.topic ?? null,
        key: record?.key ?? null,
        value: record?.value ?? null,
        headers: record ? JSON.stringify(record.headers) : null,
      });
      return { version, eventId, recordedAt, topic: record?.topic ?? null, event };
    });
    // The stream as read at the version check plus what was just written: no second read of the table.
    const after = fold([...before.events, ...appended]);
    if (!after) throw new InvariantError(`order ${orderId}: nothing to fold after an append`);
    // The deadline projection, in the same transaction: rebuildable from the streams at any time.
    if (after.status === 'PENDING') this.statements.addDeadline.run(orderId, after.createdAt + this.orderTimeoutMs);
    else this.statements.dropDeadline.run(orderId);
    return after;
  }

  async overdue(now: number, limit: number): Promise<string[]> {
    const rows = await this.database.read(() => this.statements.overdue.all(now, limit) as { order_id: string }[]);
    return rows.map((row) => row.order_id);
  }

  private read(orderId: string): OrderStream {
    const events = (this.statements.stream.all(orderId) as EventRow[]).map(toRecorded);
    return { orderId, version: events.at(-1)?.version ?? 0, events, state: fold(events) };
  }
}
