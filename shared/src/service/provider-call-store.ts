// Where a service keeps its provider calls' state: one row per order in a table of its own. Behind a
// small async interface so a PostgreSQL store can replace SQLite for scale-out; the inbox/outbox
// tables come from the shared runtime. A service's SQLite store names its table, its upsert and how
// a row maps to its state; reading, and committing an intent on its own, are the same for every one.
import type { SqliteDatabase } from '../store/sqlite';

export interface ProviderCallStore<S> {
  get(orderId: string): Promise<S | undefined>;
  /** Writes inside the handler's commit, so the state lands with the events it emits. */
  save(state: S): Promise<void>;
  /**
   * Writes in a transaction of its own, committed before a provider call is made: if the handler then
   * fails, whoever handles the order next knows the call may have taken effect.
   */
  saveBeforeCall(state: S): Promise<void>;
}

export abstract class SqliteProviderCallStore<S, Row> implements ProviderCallStore<S> {
  /** The table, keyed by `order_id`. */
  protected abstract readonly table: string;
  /** INSERT … ON CONFLICT (order_id) DO UPDATE of every column, with @-named parameters from toRow. */
  protected abstract readonly upsert: string;
  protected abstract fromRow(row: Row): S;
  protected abstract toRow(state: S): Record<string, unknown>;

  constructor(protected readonly database: SqliteDatabase) {}

  async get(orderId: string): Promise<S | undefined> {
    // Through the database's queue: never in the middle of another handler's open transaction.
    const select = `SELECT * FROM ${this.table} WHERE order_id = ?`;
    const row = await this.database.read(() => this.database.prepared(select).get(orderId) as Row | undefined);
    return row && this.fromRow(row);
  }

  async save(state: S): Promise<void> {
    this.database.prepared(this.upsert).run(this.toRow(state));
  }

  saveBeforeCall(state: S): Promise<void> {
    return this.database.transaction(() => this.save(state));
  }
}
