// Where a service keeps its provider calls' state: one row per order in a table of its own, on either
// engine; the inbox/outbox tables come from the shared runtime. A service's store names its table, its
// upsert and how a row maps to its state; reading and saving are the same for every one.
import type { SqlDatabase } from '../store/sql-database';

export interface ProviderCallStore<S> {
  get(orderId: string): Promise<S | undefined>;
  /**
   * Writes inside the handler's commit, so the state lands with the events it emits, or in a checkpoint
   * before a provider call is made (the intent).
   */
  save(state: S): Promise<void>;
}

export abstract class SqlProviderCallStore<S, Row> implements ProviderCallStore<S> {
  /** The table, keyed by `order_id`. */
  protected abstract readonly table: string;
  /** INSERT … ON CONFLICT (order_id) DO UPDATE of every column, with @-named parameters from toRow. */
  protected abstract readonly upsert: string;
  protected abstract fromRow(row: Row): S;
  protected abstract toRow(state: S): Record<string, unknown>;

  constructor(protected readonly database: SqlDatabase) {}

  async get(orderId: string): Promise<S | undefined> {
    const row = await this.database.get<Row>(`SELECT * FROM ${this.table} WHERE order_id = ?`, [orderId]);
    return row && this.fromRow(row);
  }

  async save(state: S): Promise<void> {
    await this.database.run(this.upsert, this.toRow(state));
  }
}
