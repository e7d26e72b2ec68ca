// The order service's event store: every order is its stream of facts (domain/order-events.ts), and
// its state is folded from that stream on every read (domain/fold.ts); no table holds a state that
// could disagree with the events. On either engine (SqlDatabase); the inbox comes from the shared
// runtime, and the outbox is this same table (event-store-outbox.ts).
import {
  ConcurrentAppendError,
  InvariantError,
  isUniqueViolation,
  type OutboxRecord,
  type SqlDatabase,
} from '@saga/shared';
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
   * Inside a commit: appends to `stream` as it was loaded, or throws ConcurrentAppendError (retriable) if
   * the stream has grown since. Returns the state after the new events.
   */
  append(stream: OrderStream, events: readonly NewEvent[]): Promise<Order>;
  /** PENDING orders whose deadline has passed, oldest deadline first. */
  overdue(now: number, limit: number): Promise<string[]>;
  /** The headers the order's first published event was stored with: its trace context among them. */
  firstHeaders(orderId: string): Promise<Record<string, string> | undefined>;
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

/** The constraint two instances appending at one version meet (migrations.ts). */
const STREAM_VERSION = 'order_events_stream_version';

export class SqlOrderStore implements OrderStore {
  /** `orderTimeoutMs`: a placed order's deadline is its placement time plus this. */
  constructor(
    private readonly database: SqlDatabase,
    private readonly orderTimeoutMs: number,
  ) {}

  async load(orderId: string): Promise<OrderStream> {
    // Versions below 1 are rows carried over unpublished by migration 3: relayed, never folded.
    const rows = await this.database.all<EventRow>(
      'SELECT version, event_id, event_type, payload, recorded_at, topic FROM order_events WHERE order_id = ? AND version > 0 ORDER BY version',
      [orderId],
    );
    const events = rows.map(toRecorded);
    return { orderId, version: events.at(-1)?.version ?? 0, events, state: fold(events) };
  }

  async append(stream: OrderStream, events: readonly NewEvent[]): Promise<Order> {
    const { orderId, version: expectedVersion } = stream;
    // The check reads one index entry, not the stream: the caller folded it already. Two instances
    // passing it at once both insert the same next version, and the unique key turns the second away.
    const row = await this.database.get<{ stored: number | null }>(
      'SELECT MAX(version) AS stored FROM order_events WHERE order_id = ?',
      [orderId],
    );
    const stored = Math.max(0, row?.stored ?? 0);
    const stale = () => new ConcurrentAppendError(`order ${orderId} is at version ${stored}, not ${expectedVersion}`);
    if (stored !== expectedVersion) throw stale();
    const recordedAt = Date.now();
    const appended: RecordedEvent[] = [];
    for (const [index, { event, eventId, record }] of events.entries()) {
      const version = expectedVersion + index + 1;
      try {
        await this.database.run(
          `INSERT INTO order_events (order_id, version, event_id, event_type, payload, recorded_at, topic, key, value, headers)
           VALUES (@orderId, @version, @eventId, @type, @payload, @recordedAt, @topic, @key, @value, @headers)`,
          {
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
          },
        );
      } catch (error) {
        if (isUniqueViolation(error, STREAM_VERSION)) throw stale();
        throw error;
      }
      appended.push({ version, eventId, recordedAt, topic: record?.topic ?? null, event });
    }
    const { notifyOutbox } = this.database.dialect;
    if (notifyOutbox && appended.some((event) => event.topic !== null)) await this.database.run(notifyOutbox);
    // The stream as loaded (the version check proved it current) plus what was just written.
    const after = fold([...stream.events, ...appended]);
    if (!after) throw new InvariantError(`order ${orderId}: nothing to fold after an append`);
    // The deadline projection, in the same transaction: rebuildable from the streams at any time.
    if (after.status === 'PENDING') {
      await this.database.run(
        'INSERT INTO order_deadlines (order_id, deadline_at) VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING',
        [orderId, after.createdAt + this.orderTimeoutMs],
      );
    } else {
      await this.database.run('DELETE FROM order_deadlines WHERE order_id = ?', [orderId]);
    }
    return after;
  }

  async overdue(now: number, limit: number): Promise<string[]> {
    const rows = await this.database.all<{ order_id: string }>(
      'SELECT order_id FROM order_deadlines WHERE deadline_at <= ? ORDER BY deadline_at LIMIT ?',
      [now, limit],
    );
    return rows.map((row) => row.order_id);
  }

  async firstHeaders(orderId: string): Promise<Record<string, string> | undefined> {
    const row = await this.database.get<{ headers: string }>(
      'SELECT headers FROM order_events WHERE order_id = ? AND headers IS NOT NULL ORDER BY version LIMIT 1',
      [orderId],
    );
    return row ? (JSON.parse(row.headers) as Record<string, string>) : undefined;
  }
}
