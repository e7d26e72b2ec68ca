// SQLite behind an async transaction API: each service's store implements a small async interface,
// so a PostgreSQL-backed store can replace it for scale-out without touching handlers. One connection
// serves the whole process, so every use of it goes through one queue: transactions run one at a time,
// and a read outside a transaction waits for the one in progress instead of seeing its uncommitted
// rows. A transaction holds the write lock, so it may not wait on I/O: its work may await only
// promises that are already settled (the store's own async methods), and one that waits for the event
// loop is rolled back with TransactionYieldedError.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InvariantError, TransactionYieldedError } from '../errors';

export type Db = Database.Database;

export class SqliteDatabase {
  readonly db: Db;
  private queue: Promise<unknown> = Promise.resolve();
  /** Compiled once per SQL text: preparing costs more than running a small statement. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Set inside a transaction's work: its reads run inline (they must see its writes), not queued. */
  private readonly inTransaction = new AsyncLocalStorage<true>();

  /** Opens (creating) `file` and applies `migrations` in order; each runs once, tracked by user_version. */
  constructor(file: string, migrations: readonly string[]) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a process crash (not a power loss).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    migrations.slice(applied).forEach((sql, index) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${applied + index + 1}`);
      })();
    });
  }

  /** Runs `work` in one transaction: all of its writes commit together, or none do. */
  transaction<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.inTransaction.getStore()) {
      return Promise.reject(new InvariantError('transaction inside a transaction: it would wait for itself'));
    }
    return this.enqueue(() => this.inTransaction.run(true, () => this.runTransaction(work)));
  }

  /** Runs a read after any transaction in progress; inside a transaction, at once (it sees its writes). */
  read<T>(work: () => T): Promise<T> {
    if (this.inTransaction.getStore()) return Promise.resolve(work());
    return this.enqueue(async () => work());
  }

  /** The statement for `sql`, compiled on first use and reused afterwards (stores run a few, often). */
  prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.db.close();
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined); // the next one runs whatever this one did
    return result;
  }

  private async runTransaction<T>(work: () => Promise<T> | T): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    // A macrotask runs only once the microtask queue is empty: if it runs before `work` settles,
    // `work` waited for the event loop (a timer, a socket) while holding the write lock.
    let yielded = false;
    const guard = setImmediate(() => {
      yielded = true;
    });
    try {
      const result = await work();
      if (yielded) throw new TransactionYieldedError('a transaction awaited I/O while holding the write lock');
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    } finally {
      clearImmediate(guard);
    }
  }
}
