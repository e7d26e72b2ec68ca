// The inventory's state: one row per product and one per order's reservation, on either engine
// (SqlDatabase); inbox/outbox come from the runtime.
import type { Migrations, SqlDatabase } from '@saga/shared';
import type { Product, Reservation } from './domain/state';

// The CHECKs are a last line of defence: a bug that would drive stock negative fails its transaction.
const PRODUCTS_AND_RESERVATIONS = (timestamp: string) => `
   CREATE TABLE products (
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
     created_at     ${timestamp} NOT NULL,
     updated_at     ${timestamp} NOT NULL
   );`;

export const INVENTORY_MIGRATIONS: Migrations = {
  sqlite: [PRODUCTS_AND_RESERVATIONS('INTEGER')],
  postgres: [PRODUCTS_AND_RESERVATIONS('BIGINT')],
};

export interface InventoryStore {
  product(sku: string): Promise<Product | undefined>;
  /** The products among `skus` that exist, by sku. */
  products(skus: Iterable<string>): Promise<Map<string, Product>>;
  saveProducts(products: readonly Product[]): Promise<void>;
  reservation(orderId: string): Promise<Reservation | undefined>;
  /**
   * Inside a commit: waits for any other instance's seed of the catalog to commit, so two instances
   * starting together never both add a product (the second would reset stock the first has reserved).
   */
  lockCatalog(): Promise<void>;
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

export class SqlInventoryStore implements InventoryStore {
  constructor(private readonly database: SqlDatabase) {}

  async product(sku: string): Promise<Product | undefined> {
    const row = await this.database.get<ProductRow>('SELECT * FROM products WHERE sku = ?', [sku]);
    return row && toProduct(row);
  }

  /**
   * Inside a commit on PostgreSQL the rows are locked until it ends (in sku order, so two commits never
   * wait on each other in a circle): another instance reserving the same product waits for this one's
   * decision instead of deciding on the same stock. SQLite runs one transaction at a time anyway.
   */
  async products(skus: Iterable<string>): Promise<Map<string, Product>> {
    const { jsonValues, forUpdate } = this.database.dialect;
    const rows = await this.database.all<ProductRow>(
      `SELECT * FROM products WHERE sku IN ${jsonValues} ORDER BY sku${forUpdate}`,
      [JSON.stringify([...skus])],
    );
    return new Map(rows.map((row) => [row.sku, toProduct(row)]));
  }

  async saveProducts(products: readonly Product[]): Promise<void> {
    for (const product of products) {
      await this.database.run(
        `INSERT INTO products (sku, name, unit_price_cents, currency, available, reserved, sold)
         VALUES (@sku, @name, @unitPriceCents, @currency, @available, @reserved, @sold)
         ON CONFLICT (sku) DO UPDATE SET available = excluded.available, reserved = excluded.reserved, sold = excluded.sold`,
        product as unknown as Record<string, unknown>,
      );
    }
  }

  async lockCatalog(): Promise<void> {
    // SQLite: one process owns the file, and it runs one transaction at a time anyway.
    if (this.database.dialect.name !== 'postgres') return;
    await this.database.run("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.catalog'))");
  }

  async reservation(orderId: string): Promise<Reservation | undefined> {
    const row = await this.database.get<ReservationRow>('SELECT * FROM reservations WHERE order_id = ?', [orderId]);
    return row && toReservation(row);
  }

  async saveReservation(reservation: Reservation): Promise<void> {
    await this.database.run(
      `INSERT INTO reservations (order_id, status, lines, failure_reason, failed_sku, created_at, updated_at)
       VALUES (@orderId, @status, @lines, @failureReason, @failedSku, @createdAt, @updatedAt)
       ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
      {
        orderId: reservation.orderId,
        status: reservation.status,
        lines: JSON.stringify(reservation.lines),
        failureReason: reservation.failure?.reason ?? null,
        failedSku: reservation.failure?.sku ?? null,
        createdAt: reservation.createdAt,
        updatedAt: reservation.updatedAt,
      },
    );
  }
}
