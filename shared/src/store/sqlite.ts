// SQLite behind an async transaction API: each service's store implements a small async interface,
// so a PostgreSQL-backed store can replace it for scale-out without touching handlers. Transactions
// are serialised (SQLite has one writer anyway), so awaits inside one never interleave with another.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export class SqliteDatabase {
  readonly db: Db;
  private queue: Promise<unknown> = Promise.resolve();

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
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined); // the next transaction runs whatever this one did
    return result;
  }

  close(): void {
    this.db.close();
  }
}
