// The one database interface every store is written against, with two engines behind it: SQLite (one
// process owns a file: `make dev`'s default) and PostgreSQL (several instances of a service share a
// schema: scale-out). Queries are written once, in the SQL both engines accept, with `?` or `@name`
// parameters; the few places where the dialects differ are the fragments of `Dialect`, and the DDL,
// whose types differ, is a migration list per engine.

export type SqlParams = readonly unknown[] | Record<string, unknown>;

/** What became of one unit of a commitGroup. */
export type GroupOutcome<T> =
  | { kind: 'committed'; value: T }
  | { kind: 'failed'; error: unknown }
  | { kind: 'skipped' };

/** A store's schema steps, in order, one list per engine: each step runs once. */
export interface Migrations {
  sqlite: readonly string[];
  postgres: readonly string[];
}

/** The SQL that differs between the engines, to splice into otherwise shared query text. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A subquery of one `value` column: the elements of the JSON array bound to its one parameter. */
  readonly jsonValues: string;
  /** The same for a JSON array of integers (ids). */
  readonly jsonIntegers: string;
  /** Appended to a SELECT inside a transaction: lock the rows read until it ends (nothing in SQLite). */
  readonly forUpdate: string;
  /** Run in a transaction that wrote outbox rows: tells the instance that drains (PostgreSQL only). */
  readonly notifyOutbox: string | undefined;
}

export interface SqlDatabase {
  readonly dialect: Dialect;
  /** Connects and applies the migrations not yet applied; once, before any other call. */
  open(): Promise<void>;
  /** Runs `work` in one transaction: all of its writes commit together, or none do. */
  transaction<T>(work: () => Promise<T> | T): Promise<T>;
  /**
   * Runs `works` in one transaction, each in a savepoint of its own, in the order given: one BEGIN and
   * one COMMIT for many units (a consumed batch's commits). A unit that throws rolls back alone and
   * reports its error; once one throws an error `stopsGroup` accepts, the units after it are not run
   * ('skipped') while those before it still commit.
   */
  commitGroup<T>(
    works: ReadonlyArray<() => Promise<T> | T>,
    stopsGroup?: (error: unknown) => boolean,
  ): Promise<GroupOutcome<T>[]>;
  /** Rows of a query: inside a transaction, in it (it sees its writes); outside, on committed data. */
  all<R>(sql: string, params?: SqlParams): Promise<R[]>;
  /** The first row of a query, or undefined. */
  get<R>(sql: string, params?: SqlParams): Promise<R | undefined>;
  /** Runs a write; resolves with how many rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  close(): Promise<void>;
}
