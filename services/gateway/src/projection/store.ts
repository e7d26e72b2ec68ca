// The read model on disk: one SQLite file of its own (projection.sqlite) holding each order and product
// as JSON, and the next offset to read of every partition the projection has applied. On disk, so a
// restart resumes where it stopped instead of replaying the topics, and memory does not grow with the
// number of orders. Its own file and connection, used synchronously: a write here can never land inside
// a transaction of the gateway's other store (idempotency keys), and a read never sees half of one.
// Writes are group-committed: the first write opens a transaction that commits on the next turn of
// the event loop, so a fetched batch of records costs one commit instead of two per record (the
// projection's SQLite commits were half of the gateway's CPU at 50 orders/s). States and applied
// offsets share that transaction, so a crash before the commit loses both together and the
// projection reads those records again.
import { SqliteDatabase } from '@saga/shared';
import type { OrderState } from './orders';
import type { ProductState } from './stock';

const MIGRATION = `
  CREATE TABLE orders (order_id TEXT PRIMARY KEY, state TEXT NOT NULL);
  CREATE TABLE products (sku TEXT PRIMARY KEY, state TEXT NOT NULL);
  CREATE TABLE applied_offsets (
    topic       TEXT NOT NULL,
    partition   INTEGER NOT NULL,
    next_offset INTEGER NOT NULL,
    PRIMARY KEY (topic, partition)
  );
`;

export class ProjectionStore {
  private readonly database: SqliteDatabase;
  private readonly statements;

  /**
   * `file` is created if missing; ':memory:' for tests. WAL with synchronous NORMAL (SqliteDatabase):
   * a crash loses no committed write; a power loss may lose the last ones, which the projection then
   * reads again (applying a record twice changes nothing).
   */
  constructor(file: string) {
    this.database = new SqliteDatabase(file, [MIGRATION]);
    // Synchronous statements on this file's own connection: nothing else ever opens a transaction on it.
    const { db } = this.database;
    this.statements = {
      order: db.prepare('SELECT state FROM orders WHERE order_id = ?'),
      putOrder: db.prepare('INSERT OR REPLACE INTO orders (order_id, state) VALUES (?, ?)'),
      product: db.prepare('SELECT state FROM products WHERE sku = ?'),
      putProduct: db.prepare('INSERT OR REPLACE INTO products (sku, state) VALUES (?, ?)'),
      products: db.prepare('SELECT state FROM products ORDER BY sku'),
      offset: db.prepare('SELECT next_offset FROM applied_offsets WHERE topic = ? AND partition = ?'),
      applied: db.prepare(
        `INSERT INTO applied_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
         ON CONFLICT (topic, partition) DO UPDATE SET next_offset = MAX(next_offset, excluded.next_offset)`,
      ),
      anyOffset: db.prepare('SELECT 1 FROM applied_offsets LIMIT 1'),
    };
  }

  order(orderId: string): OrderState | undefined {
    const row = this.statements.order.get(orderId) as { state: string } | undefined;
    return row && (JSON.parse(row.state) as OrderState);
  }

  putOrder(order: OrderState): void {
    this.inGroupCommit();
    this.statements.putOrder.run(order.orderId, JSON.stringify(order));
  }

  product(sku: string): ProductState | undefined {
    const row = this.statements.product.get(sku) as { state: string } | undefined;
    return row && (JSON.parse(row.state) as ProductState);
  }

  putProduct(product: ProductState): void {
    this.inGroupCommit();
    this.statements.putProduct.run(product.sku, JSON.stringify(product));
  }

  /** Every product, by sku: a catalog, so small. */
  products(): ProductState[] {
    return (this.statements.products.all() as { state: string }[]).map((row) => JSON.parse(row.state) as ProductState);
  }

  /** The next offset to read of a partition, or undefined if nothing of it was applied. */
  nextOffset(topic: string, partition: number): number | undefined {
    return (this.statements.offset.get(topic, partition) as { next_offset: number } | undefined)?.next_offset;
  }

  /** The record at `offset` is applied (or skipped for good): resume after it. */
  applied(topic: string, partition: number, offset: number): void {
    this.inGroupCommit();
    this.statements.applied.run(topic, partition, offset + 1);
  }

  /** Nothing applied yet: a new data folder, or one cleared by the rebuild command. */
  isEmpty(): boolean {
    return this.statements.anyOffset.get() === undefined;
  }

  /** Forgets every order, product and applied offset at once: the start of a rebuild from the topics. */
  clear(): void {
    this.commitGroup();
    const { db } = this.database;
    db.transaction(() => db.exec('DELETE FROM orders; DELETE FROM products; DELETE FROM applied_offsets;'))();
  }

  close(): void {
    this.commitGroup();
    this.database.close();
  }

  /** Joins the open group transaction, or opens one that commits once the current work yields. */
  private inGroupCommit(): void {
    const { db } = this.database;
    if (db.inTransaction) return;
    db.exec('BEGIN');
    // A failed COMMIT (a full disk) throws from here and ends the process: the supervisor restarts it,
    // and the projection resumes from the last committed offsets.
    setImmediate(() => this.commitGroup());
  }

  private commitGroup(): void {
    const { db } = this.database;
    if (db.inTransaction) db.exec('COMMIT');
  }
}
