// PostgreSQL behind the SqlDatabase interface: the engine for several instances of one service. A pool
// of connections serves the process; a transaction holds one of them for its whole work (found again
// through AsyncLocalStorage by every query of that work), so transactions of different batches run at
// once and PostgreSQL's locks, not a queue in this process, keep them apart. READ COMMITTED, with the
// decisions that need more made safe by constraints (the inbox's primary key, a stream's unique
// version) or row locks (Dialect.forUpdate).
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { InvariantError } from '../errors';
import type { Logger } from '../log';
import { storeErrorOf } from './postgres-errors';
import { positional } from './postgres-params';
import type { Dialect, GroupOutcome, SqlDatabase, SqlParams } from './sql-database';

const POSTGRES: Dialect = {
  name: 'postgres',
  jsonValues: '(SELECT json_array_elements_text(?::json) AS value)',
  jsonIntegers: '(SELECT json_array_elements_text(?::json)::bigint AS value)',
  forUpdate: ' FOR UPDATE',
  // Delivered when the transaction commits, once however many rows it wrote (relay-lease.ts listens).
  notifyOutbox: "SELECT pg_notify(current_schema() || '.outbox', '')",
};

const INT8 = 20;
/**
 * BIGINT columns (epoch milliseconds, COUNT, MAX) as numbers, as SQLite gives them: node-postgres
 * gives strings, since an int8 may exceed 2^53 (no value of ours comes near it).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** `DATABASE_URL`: the service's own role; its tables live in the schema named like the role. */
  url: string;
  migrations: readonly string[];
  logger: Logger;
  poolSize?: number;
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = POSTGRES;
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<pg.PoolClient>();

  constructor(private readonly options: PostgresOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types });
    // An idle connection that the server drops must not end the process: the next query reconnects.
    this.pool.on('error', (error) => options.logger.warn({ err: error }, 'idle database connection lost'));
  }

  /**
   * Applies the migrations not yet applied, each once, in one transaction under an advisory lock: the
   * instances of a service starting together migrate once, the others wait and find it done.
   */
  async open(): Promise<void> {
    await this.transaction(async () => {
      await this.run("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.migrations'))");
      await this.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const row = await this.get<{ applied: number | null }>('SELECT MAX(version) AS applied FROM schema_migrations');
      const applied = row?.applied ?? 0;
      for (const [index, sql] of this.options.migrations.entries()) {
        if (index < applied) continue;
        await this.client().query(sql);
        await this.run('INSERT INTO schema_migrations (version) VALUES (?)', [index + 1]);
      }
    });
  }

  transaction<T>(work: () => Promise<T> | T): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await this.current.run(client, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await this.rollback(client, error);
        throw error;
      }
    });
  }

  commitGroup<T>(
    works: ReadonlyArray<() => Promise<T> | T>,
    stopsGroup: (error: unknown) => boolean = () => false,
  ): Promise<GroupOutcome<T>[]> {
    return this.withClient(async (client) => {
      const outcomes: GroupOutcome<T>[] = [];
      try {
        await client.query('BEGIN');
        for (const work of works) {
          if (outcomes.some((outcome) => outcome.kind === 'failed' && stopsGroup(outcome.error))) {
            outcomes.push({ kind: 'skipped' });
            continue;
          }
          await client.query('SAVEPOINT unit');
          try {
            const value = await this.current.run(client, work);
            await client.query('RELEASE SAVEPOINT unit');
            outcomes.push({ kind: 'committed', value });
          } catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT unit');
            await client.query('RELEASE SAVEPOINT unit');
            outcomes.push({ kind: 'failed', error: storeErrorOf(error) });
          }
        }
        await client.query('COMMIT');
      } catch (error) {
        // BEGIN, a savepoint statement or COMMIT failed (a lost connection): nothing of the group holds.
        await this.rollback(client, error);
        const failed = storeErrorOf(error);
        return works.map(() => ({ kind: 'failed', error: failed }));
      }
      return outcomes;
    });
  }

  async all<R>(sql: string, params: SqlParams = []): Promise<R[]> {
    return (await this.query(sql, params)).rows as R[];
  }

  async get<R>(sql: string, params: SqlParams = []): Promise<R | undefined> {
    return (await this.query(sql, params)).rows[0] as R | undefined;
  }

  async run(sql: string, params: SqlParams = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  /** Waits for the connections in use to come back, then closes them all; once is enough. */
  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async query(sql: string, params: SqlParams): Promise<pg.QueryResult> {
    const { text, values } = positional(sql, params);
    try {
      return await (this.current.getStore() ?? this.pool).query(text, values);
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  private client(): pg.PoolClient {
    const client = this.current.getStore();
    if (!client) throw new InvariantError('no transaction in progress');
    return client;
  }

  /**
   * Ends a failed transaction. A connection that cannot even roll back is broken: it is marked so that
   * it is discarded instead of going back to the pool, and the failure that led here is what is thrown.
   */
  private async rollback(client: pg.PoolClient, cause: unknown): Promise<void> {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      this.broken.add(client);
      this.options.logger.warn({ err: rollbackError, cause }, 'rollback failed; discarding the connection');
    }
  }

  /** Connections whose state is unknown after a failure: destroyed on release, never reused. */
  private readonly broken = new WeakSet<pg.PoolClient>();

  /** Runs `use` on a connection of its own, held until it ends. */
  private async withClient<T>(use: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new InvariantError('transaction inside a transaction: it would wait for itself');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw storeErrorOf(error);
    }
    try {
      return await use(client);
    } catch (error) {
      throw storeErrorOf(error);
    } finally {
      client.release(this.broken.has(client));
    }
  }
}
