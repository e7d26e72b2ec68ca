// SQLite behind the async SqlDatabase interface, the engine of `make dev` and of one instance per
// service (PostgreSQL, in postgres.ts, is the one for several). One connection
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
import type { Dialect, GroupOutcome, SqlDatabase, SqlParams } from './sql-database';

const SQLITE: Dialect = {
  name: 'sqlite',
  jsonValues: '(SELECT value FROM json_each(?))',
  jsonIntegers: '(SELECT value FROM json_each(?))',
  forUpdate: '',
  notifyOutbox: undefined,
};

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = SQLITE;
  /** The connection itself, for a SQLite-only store that works synchronously (the gateway's read model). */
  readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  /** Compiled once per SQL text: preparing costs more than running a small statement. */
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Transaction control, compiled once: `exec` parses its SQL on every call, and a group runs a savepoint
   * and its release for every unit.
   */
  private readonly control;
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
    this.control = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT unit'),
      release: this.db.prepare('RELEASE unit'),
      rollbackUnit: this.db.prepare('ROLLBACK TO unit'),
    };
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    migrations.slice(applied).forEach((sql, index) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${applied + index + 1}`);
      })();
    });
  }

  /** The file was opened and migrated by the constructor. */
  open(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs `work` in one transaction: all of its writes commit together, or none do. */
  transaction<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.inTransaction.getStore()) {
      return Promise.reject(new InvariantError('transaction inside a transaction: it would wait for itself'));
    }
    return this.enqueue(() => this.inTransaction.run(true, () => this.runTransaction(work)));
  }

  /**
   * Runs `works` in one transaction, each in a savepoint of its own, in the order given: one BEGIN and
   * one COMMIT for many units (a consumed batch's commits). A unit that throws rolls back alone and
   * reports its error; once one throws an error `stopsGroup` accepts, the units after it are not run
   * ('skipped') while those before it still commit. One unit's failure never rolls back another's.
   */
  commitGroup<T>(
    works: ReadonlyArray<() => Promise<T> | T>,
    stopsGroup: (error: unknown) => boolean = () => false,
  ): Promise<GroupOutcome<T>[]> {
    if (this.inTransaction.getStore()) {
      return Promise.reject(new InvariantError('transaction inside a transaction: it would wait for itself'));
    }
    return this.enqueue(() => this.inTransaction.run(true, () => this.runGroup(works, stopsGroup)));
  }

  all<R>(sql: string, params: SqlParams = []): Promise<R[]> {
    return this.read(() => this.bind(sql, params, (statement, args) => statement.all(...args) as R[]));
  }

  get<R>(sql: string, params: SqlParams = []): Promise<R | undefined> {
    return this.read(() => this.bind(sql, params, (statement, args) => statement.get(...args) as R | undefined));
  }

  /** A write outside a transaction is a transaction of its own. */
  run(sql: string, params: SqlParams = []): Promise<number> {
    const write = () => this.bind(sql, params, (statement, args) => statement.run(...args).changes);
    return this.inTransaction.getStore() ? Promise.resolve(write()) : this.transaction(write);
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
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

  private bind<T>(sql: string, params: SqlParams, use: (statement: Database.Statement, args: unknown[]) => T): T {
    return use(this.prepared(sql), Array.isArray(params) ? params : [params]);
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined); // the next one runs whatever this one did
    return result;
  }

  private async runGroup<T>(
    works: ReadonlyArray<() => Promise<T> | T>,
    stopsGroup: (error: unknown) => boolean,
  ): Promise<GroupOutcome<T>[]> {
    const outcomes: GroupOutcome<T>[] = [];
    this.control.begin.run();
    try {
      for (const work of works) {
        if (outcomes.some((outcome) => outcome.kind === 'failed' && stopsGroup(outcome.error))) {
          outcomes.push({ kind: 'skipped' });
          continue;
        }
        this.control.savepoint.run();
        try {
          const value = await this.withoutYielding(work);
          this.control.release.run();
          outcomes.push({ kind: 'committed', value });
        } catch (error) {
          this.control.rollbackUnit.run();
          this.control.release.run();
          outcomes.push({ kind: 'failed', error });
        }
      }
      this.control.commit.run();
    } catch (error) {
      // Only BEGIN, a savepoint statement or COMMIT itself can land here: nothing of the group holds.
      if (this.db.inTransaction) this.control.rollback.run();
      return works.map(() => ({ kind: 'failed', error }));
    }
    return outcomes;
  }

  /** Runs `work`, failing it if it waited for the event loop (I/O, a timer) while the write lock is held. */
  private async withoutYielding<T>(work: () => Promise<T> | T): Promise<T> {
    // A macrotask runs only once the microtask queue is empty: if it runs before `work` settles,
    // `work` waited for the event loop while holding the write lock.
    let yielded = false;
    const guard = setImmediate(() => {
      yielded = true;
    });
    try {
      const result = await work();
      if (yielded) throw new TransactionYieldedError('a transaction awaited I/O while holding the write lock');
      return result;
    } finally {
      clearImmediate(guard);
    }
  }

  private async runTransaction<T>(work: () => Promise<T> | T): Promise<T> {
    this.control.begin.run();
    try {
      const result = await this.withoutYielding(work);
      this.control.commit.run();
      return result;
    } catch (error) {
      this.control.rollback.run();
      throw error;
    }
  }
}
