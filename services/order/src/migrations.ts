// The order service's tables, in order; each step runs once. On SQLite, steps 1-2 are the state-based
// version's `orders` table (one row per order, overwritten); step 3 replaces it with the event store and
// carries every existing order over, losing nothing. PostgreSQL came after the event store: its one
// step is the event store as step 3 leaves it.
import type { Migrations } from '@saga/shared';

const STATE_BASED = [
  `CREATE TABLE orders (
     order_id            TEXT PRIMARY KEY,
     customer_id         TEXT NOT NULL,
     items               TEXT NOT NULL,
     status              TEXT NOT NULL,
     cancellation_reason TEXT,
     total_cents         INTEGER,
     currency            TEXT,
     created_at          INTEGER NOT NULL,
     updated_at          INTEGER NOT NULL,
     deadline_at         INTEGER NOT NULL
   );
   CREATE INDEX orders_pending_deadline ON orders (status, deadline_at);`,
  `ALTER TABLE orders ADD COLUMN shipped INTEGER NOT NULL DEFAULT 0;`,
];

/**
 * The event store: one append-only table of every order's stream, which is also the outbox the relay
 * publishes from (rows with a topic are the order's own events; published_at marks them sent, nothing
 * is deleted). `position` is commit order across streams; UNIQUE (order_id, version) is the optimistic
 * concurrency check. order_deadlines is a projection of the streams for the deadline watcher (PENDING
 * orders only), written in the same transaction as each append.
 *
 * Carried over: each `orders` row becomes its stream's version 1, an OrderImported snapshot of the row
 * (not published: its events went to Kafka long ago), and its deadline if still PENDING. Rows the old
 * outbox had not yet published (a crash just before the upgrade) move here unpublished, at versions
 * 0, -1 … before the snapshot: the relay sends them, the fold skips them (the snapshot already holds
 * their effect).
 */
const EVENT_STORE = `
  CREATE TABLE order_events (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id     TEXT NOT NULL,
    version      INTEGER NOT NULL,
    event_id     TEXT NOT NULL UNIQUE,
    event_type   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL,
    topic        TEXT,
    key          TEXT,
    value        BLOB,
    headers      TEXT,
    published_at INTEGER,
    UNIQUE (order_id, version)
  );
  CREATE INDEX order_events_unpublished ON order_events (position) WHERE topic IS NOT NULL AND published_at IS NULL;
  CREATE TRIGGER order_events_no_delete BEFORE DELETE ON order_events
    BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END;
  CREATE TRIGGER order_events_no_rewrite
    BEFORE UPDATE OF position, order_id, version, event_id, event_type, payload, recorded_at, topic, key, value, headers
    ON order_events BEGIN SELECT RAISE(ABORT, 'order_events is append-only: only published_at may be set'); END;

  CREATE TABLE order_deadlines (order_id TEXT PRIMARY KEY, deadline_at INTEGER NOT NULL);
  CREATE INDEX order_deadlines_due ON order_deadlines (deadline_at);

  INSERT INTO order_events (order_id, version, event_id, event_type, payload, recorded_at, topic, key, value, headers)
    SELECT key, 1 - ROW_NUMBER() OVER (PARTITION BY key ORDER BY id DESC), event_id, event_type, '{}', created_at,
           topic, key, value, headers
    FROM outbox ORDER BY id;
  DELETE FROM outbox;

  INSERT INTO order_events (order_id, version, event_id, event_type, payload, recorded_at)
    SELECT order_id, 1, 'import:' || order_id, 'OrderImported',
           json_object('orderId', order_id, 'customerId', customer_id, 'items', json(items), 'status', status,
                       'cancellationReason', cancellation_reason, 'totalCents', total_cents, 'currency', currency,
                       'shipped', json(CASE shipped WHEN 1 THEN 'true' ELSE 'false' END), 'createdAt', created_at),
           updated_at
    FROM orders ORDER BY created_at;
  INSERT INTO order_deadlines (order_id, deadline_at) SELECT order_id, deadline_at FROM orders WHERE status = 'PENDING';
  DROP TABLE orders;
`;

/** The event store as EVENT_STORE leaves it, in PostgreSQL's types; the stream's unique key is named. */
const EVENT_STORE_POSTGRES = `
  CREATE TABLE order_events (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     TEXT NOT NULL,
    version      INTEGER NOT NULL,
    event_id     TEXT NOT NULL UNIQUE,
    event_type   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL,
    topic        TEXT,
    key          TEXT,
    value        BYTEA,
    headers      TEXT,
    published_at BIGINT,
    CONSTRAINT order_events_stream_version UNIQUE (order_id, version)
  );
  CREATE INDEX order_events_unpublished ON order_events (position) WHERE topic IS NOT NULL AND published_at IS NULL;
  CREATE FUNCTION order_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'order_events is append-only'; END IF;
      RAISE EXCEPTION 'order_events is append-only: only published_at may be set';
    END $$;
  CREATE TRIGGER order_events_no_delete BEFORE DELETE ON order_events
    FOR EACH ROW EXECUTE FUNCTION order_events_append_only();
  CREATE TRIGGER order_events_no_rewrite
    BEFORE UPDATE OF position, order_id, version, event_id, event_type, payload, recorded_at, topic, key, value, headers
    ON order_events FOR EACH ROW EXECUTE FUNCTION order_events_append_only();

  CREATE TABLE order_deadlines (order_id TEXT PRIMARY KEY, deadline_at BIGINT NOT NULL);
  CREATE INDEX order_deadlines_due ON order_deadlines (deadline_at);
`;

export const ORDER_MIGRATIONS: Migrations = {
  sqlite: [...STATE_BASED, EVENT_STORE],
  postgres: [EVENT_STORE_POSTGRES],
};
