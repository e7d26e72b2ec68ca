// The inventory's state: one row per product and one per order's reservation. Behind a small async
// interface so a PostgreSQL store can replace SQLite for scale-out; inbox/outbox come from the runtime.
import type { SqliteDatabase } from '@saga/shared';
import type { Product, Reservation } from './domain/state';

// The CHECKs are a last line of defence: a bug that would drive stock negative fails its transaction.
export const INVENTORY_MIGRATIONS = [
  `CREATE TABLE products (
     sku              TEXT PRIMARY KEY,
     name             TEXT NOT NULL,
     unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
     currency         TEXT NOT NULL,
     available        INTEGER NOT NULL CHECK (available >= 0),
     reserved         INTEGER NOT NULL CHECK (reserved >= 0),
     sold             INTEGER NOT NULL CHECK (sold >= 0)
   );
   CREATE TABLE reservations (
     order_id       TEXT PRIMARY KEY,
     status         TEXT NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'SOLD', 'FAILED')),
     lines          TEXT NOT NULL,
     failure_reason TEXT,
     failed_sku     TEXT,
     created_at     INTEGER NOT NULL,
     updated_at     INTEGER NOT NULL
   );`,
];

export interface InventoryStore {
  product(sku: string): Promise<Product | undefined>;
  /** The products among `skus` that exist, by sku. */
  products(skus: Iterable<string>): Promise<Map<string, Product>>;
  saveProducts(products: readonly Product[]): Promise<void>;
  reservation(orderId: string): Promise<Reservation | undefined>;
  saveReservation(reservation: Reservation): Promise<void>;
}

interface ProductRow {
  sku: string;
  name: string;
  unit_price_cents: number;
  currency: string;
  available: number;
  reserved: number;
  sold: number;
}

interface ReservationRow {
  order_id: string;
  status: Reservation['status'];
  lines: string;
  failure_reason: NonNullable<Reservation['failure']>['reason'] | null;
  failed_sku: string | null;
  created_at: number;
  updated_at: number;
}

const toProduct = (row: ProductRow): Product => ({
  sku: row.sku,
  name: row.name,
  unitPriceCents: row.unit_price_cents,
  currency: row.currency,
  available: row.available,
  reserved: row.reserved,
  sold: row.sold,
});

const toReservation = (row: ReservationRow): Reservation => ({
  orderId: row.order_id,
  status: row.status,
  lines: JSON.parse(row.lines) as Reservation['lines'],
  failure: row.failure_reason && row.failed_sku ? { reason: row.failure_reason, sku: row.failed_sku } : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SqliteInventoryStore implements InventoryStore {
  constructor(private readonly database: SqliteDatabase) {}

  async product(sku: string): Promise<Product | undefined> {
    const row = await this.database.read(
      () => this.database.prepared('SELECT * FROM products WHERE sku = ?').get(sku) as ProductRow | undefined,
    );
    return row && toProduct(row);
  }

  async products(skus: Iterable<string>): Promise<Map<string, Product>> {
    const rows = await this.database.read(
      () =>
        this.database
          .prepared('SELECT * FROM products WHERE sku IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify([...skus])) as ProductRow[],
    );
    return new Map(rows.map((row) => [row.sku, toProduct(row)]));
  }

  async saveProducts(products: readonly Product[]): Promise<void> {
    const upsert = this.database.prepared(
      `INSERT INTO products (sku, name, unit_price_cents, currency, available, reserved, sold)
       VALUES (@sku, @name, @unitPriceCents, @currency, @available, @reserved, @sold)
       ON CONFLICT (sku) DO UPDATE SET available = excluded.available, reserved = excluded.reserved, sold = excluded.sold`,
    );
    for (const product of products) upsert.run(product);
  }

  async reservation(orderId: string): Promise<Reservation | undefined> {
    const row = await this.database.read(
      () =>
        this.database.prepared('SELECT * FROM reservations WHERE order_id = ?').get(orderId) as
          | ReservationRow
          | undefined,
    );
    return row && toReservation(row);
  }

  async saveReservation(reservation: Reservation): Promise<void> {
    this.database
      .prepared(
        `INSERT INTO reservations (order_id, status, lines, failure_reason, failed_sku, created_at, updated_at)
         VALUES (@orderId, @status, @lines, @failureReason, @failedSku, @createdAt, @updatedAt)
         ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      )
      .run({
        orderId: reservation.orderId,
        status: reservation.status,
        lines: JSON.stringify(reservation.lines),
        failureReason: reservation.failure?.reason ?? null,
        failedSku: reservation.failure?.sku ?? null,
        createdAt: reservation.createdAt,
        updatedAt: reservation.updatedAt,
      });
  }
}
