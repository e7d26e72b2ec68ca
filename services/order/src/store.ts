// The order service's state: one row per order. Behind a small async interface so a PostgreSQL
// store can replace SQLite for scale-out; the inbox/outbox tables come from the shared runtime.
import type { SqliteDatabase } from '@saga/shared';
import type { Order } from './domain/order';

export const ORDER_MIGRATIONS = [
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

export interface OrderStore {
  get(orderId: string): Promise<Order | undefined>;
  save(order: Order): Promise<void>;
  /** PENDING orders whose deadline has passed, oldest first. */
  overdue(now: number, limit: number): Promise<Order[]>;
}

interface OrderRow {
  order_id: string;
  customer_id: string;
  items: string;
  status: Order['status'];
  cancellation_reason: Order['cancellationReason'];
  total_cents: number | null;
  currency: string | null;
  shipped: number;
  created_at: number;
  updated_at: number;
  deadline_at: number;
}

function toOrder(row: OrderRow): Order {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    items: JSON.parse(row.items) as Order['items'],
    status: row.status,
    cancellationReason: row.cancellation_reason,
    totalCents: row.total_cents,
    currency: row.currency,
    shipped: row.shipped === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadlineAt: row.deadline_at,
  };
}

export class SqliteOrderStore implements OrderStore {
  constructor(private readonly database: SqliteDatabase) {}

  async get(orderId: string): Promise<Order | undefined> {
    // Through the database's queue: never in the middle of another handler's open transaction.
    const row = await this.database.read(
      () => this.database.db.prepare('SELECT * FROM orders WHERE order_id = ?').get(orderId) as OrderRow | undefined,
    );
    return row && toOrder(row);
  }

  async save(order: Order): Promise<void> {
    this.database.db
      .prepare(
        `INSERT INTO orders (order_id, customer_id, items, status, cancellation_reason, total_cents, currency, shipped, created_at, updated_at, deadline_at)
         VALUES (@orderId, @customerId, @items, @status, @cancellationReason, @totalCents, @currency, @shipped, @createdAt, @updatedAt, @deadlineAt)
         ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, cancellation_reason = excluded.cancellation_reason,
           total_cents = excluded.total_cents, currency = excluded.currency, shipped = excluded.shipped,
           updated_at = excluded.updated_at`,
      )
      .run({ ...order, items: JSON.stringify(order.items), shipped: order.shipped ? 1 : 0 });
  }

  async overdue(now: number, limit: number): Promise<Order[]> {
    const rows = await this.database.read(
      () =>
        this.database.db
          .prepare(`SELECT * FROM orders WHERE status = 'PENDING' AND deadline_at <= ? ORDER BY deadline_at LIMIT ?`)
          .all(now, limit) as OrderRow[],
    );
    return rows.map(toOrder);
  }
}
