// The read model's tables: each order and product as JSON, and the next offset to read of every
// partition the projection has applied. Stored (projection.sqlite, a file of its own, or the gateway's
// PostgreSQL schema), so a restart resumes where it stopped instead of replaying the topics, and memory
// does not grow with the number of orders. Writes are units of the turn's commit (TurnCommits), and a
// unit writes its records' applied offsets with their states: a crash loses both or neither, so the
// projection can only read records again (applying one twice changes nothing), never skip one.
import type { Migrations, SqlDatabase } from '@saga/shared';
import { TurnCommits } from '../turn-commits';
import { AppliedOffsets, type Resume } from './applied-offsets';
import type { LogPosition, OrderState } from './orders';
import type { ProductState } from './stock';

export const READ_MODEL_MIGRATIONS: Migrations = {
  sqlite: [
    `CREATE TABLE orders (order_id TEXT PRIMARY KEY, state TEXT NOT NULL);
     CREATE TABLE products (sku TEXT PRIMARY KEY, state TEXT NOT NULL);
     CREATE TABLE applied_offsets (
       topic       TEXT NOT NULL,
       partition   INTEGER NOT NULL,
       next_offset INTEGER NOT NULL,
       PRIMARY KEY (topic, partition)
     );`,
  ],
  // States as TEXT, not JSONB: nothing queries inside them, and both engines hand back the same string.
  postgres: [
    `CREATE TABLE orders (order_id TEXT PRIMARY KEY, state TEXT NOT NULL);
     CREATE TABLE products (sku TEXT PRIMARY KEY, state TEXT NOT NULL);
     CREATE TABLE applied_offsets (
       topic       TEXT NOT NULL,
       partition   INTEGER NOT NULL,
       next_offset BIGINT NOT NULL,
       PRIMARY KEY (topic, partition)
     );`,
  ],
};

/**
 * `rows` in chunks of 128, 64, … 1 rows: a batch takes a few statements, and there are only eight
 * statement texts, which SQLite compiles once each (a chunk per batch size would compile hundreds).
 */
function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let from = 0, size = 128; from < rows.length; from += size) {
    while (size > rows.length - from) size /= 2;
    result.push(rows.slice(from, from + size));
  }
  return result;
}

export class ProjectionStore {
  private readonly writes: TurnCommits;
  private readonly offsets = new AppliedOffsets();
  /** A write is queued for the pending offsets and has not taken them yet. */
  private flushQueued = false;

  constructor(private readonly db: SqlDatabase) {
    this.writes = new TurnCommits(db);
  }

  /**
   * Runs `work` (reads and puts of this store) as one unit of the turn's commit, together with the
   * offsets after `applied` and those pending; once it has committed they are where partitions resume.
   */
  async write<T>(work: () => Promise<T>, applied: readonly LogPosition[] = []): Promise<T> {
    let taken: Resume[] = [];
    let positions: Resume[] = [];
    try {
      const value = await this.writes.commit(async () => {
        ({ positions, taken } = this.offsets.take(applied));
        this.flushQueued = false;
        const result = await work();
        for (const { topic, partition, next } of positions) {
          await this.db.run(
            `INSERT INTO applied_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
             ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
             WHERE excluded.next_offset > applied_offsets.next_offset`,
            [topic, partition, next],
          );
        }
        return result;
      });
      this.offsets.settled(positions);
      return value;
    } catch (error) {
      this.offsets.restore(taken);
      throw error;
    }
  }

  /** The orders among `orderIds` that have a state: inside a write, what it bases its changes on. */
  async orders(orderIds: readonly string[]): Promise<Map<string, OrderState>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db.all<{ order_id: string; state: string }>(
      `SELECT order_id, state FROM orders WHERE order_id IN ${this.db.dialect.jsonValues}`,
      [JSON.stringify(orderIds)],
    );
    return new Map(rows.map((row) => [row.order_id, JSON.parse(row.state) as OrderState]));
  }

  async order(orderId: string): Promise<OrderState | undefined> {
    const row = await this.db.get<{ state: string }>('SELECT state FROM orders WHERE order_id = ?', [orderId]);
    return row && (JSON.parse(row.state) as OrderState);
  }

  /** Writes `orders` whole, in a few statements however many there are (one key each). */
  async putOrders(orders: readonly OrderState[]): Promise<void> {
    await this.upsert(
      'orders',
      'order_id',
      orders.map((order) => [order.orderId, JSON.stringify(order)]),
    );
  }

  async product(sku: string): Promise<ProductState | undefined> {
    const row = await this.db.get<{ state: string }>('SELECT state FROM products WHERE sku = ?', [sku]);
    return row && (JSON.parse(row.state) as ProductState);
  }

  async putProducts(products: readonly ProductState[]): Promise<void> {
    await this.upsert(
      'products',
      'sku',
      products.map((product) => [product.sku, JSON.stringify(product)]),
    );
  }

  /** Every product, by sku: a catalog, so small. */
  async products(): Promise<ProductState[]> {
    const rows = await this.db.all<{ state: string }>('SELECT state FROM products ORDER BY sku');
    return rows.map((row) => JSON.parse(row.state) as ProductState);
  }

  /**
   * Many rows per statement: on PostgreSQL a statement per order was a round trip each, most of a
   * batch's time. A key may appear once (PostgreSQL refuses to update one row twice in a statement).
   */
  private async upsert(table: 'orders' | 'products', key: 'order_id' | 'sku', rows: [string, string][]) {
    for (const chunk of chunks(rows)) {
      await this.db.run(
        `INSERT INTO ${table} (${key}, state) VALUES ${chunk.map(() => '(?, ?)').join(', ')}
         ON CONFLICT (${key}) DO UPDATE SET state = excluded.state`,
        chunk.flat(),
      );
    }
  }

  /** Reads the applied offsets, for nextOffset(); once before the consumer starts. */
  async loadOffsets(): Promise<void> {
    const rows = await this.db.all<{ topic: string; partition: number; next_offset: number }>(
      'SELECT topic, partition, next_offset FROM applied_offsets',
    );
    this.offsets.load(rows.map(({ topic, partition, next_offset: next }) => ({ topic, partition, next })));
  }

  /** The next offset to read of a partition, or undefined if nothing of it was applied. */
  nextOffset(topic: string, partition: number): number | undefined {
    return this.offsets.next(topic, partition);
  }

  /**
   * The record at `offset` is done with (applied, not ours, or dead-lettered): resume after it. The
   * write that applied it has stored that already; otherwise its offset is written by the next write,
   * and one is queued if none is: its promise is returned, undefined when nothing new was queued.
   */
  applied(topic: string, partition: number, offset: number): Promise<void> | undefined {
    if (!this.offsets.done(topic, partition, offset) || this.flushQueued) return undefined;
    this.flushQueued = true;
    return this.write(async () => undefined);
  }

  /** Writes the offsets still pending; at stop. */
  async flush(): Promise<void> {
    if (this.offsets.hasPending()) await this.write(async () => undefined);
  }

  /** Nothing applied yet: a new database, or one cleared by the rebuild command. */
  async isEmpty(): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS applied FROM applied_offsets LIMIT 1')) === undefined;
  }

  /** Forgets every order, product and applied offset at once: the start of a rebuild from the topics. */
  async clear(): Promise<void> {
    await this.writes.commit(async () => {
      for (const table of ['orders', 'products', 'applied_offsets']) await this.db.run(`DELETE FROM ${table}`);
    });
    this.offsets.clear();
  }
}
