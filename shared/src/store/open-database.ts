// The engine a process's configuration asks for: PostgreSQL when DATABASE_URL is set (several
// instances of a service share it), else a SQLite file in DATA_DIR (one process owns it). Opening
// checks what a wrong setting would otherwise show only at the first event: that the server answers,
// that the role logs in, and that it can create its tables in a schema of its own.
import path from 'node:path';
import { ConfigError, isRetriable } from '../errors';
import type { Logger } from '../log';
import { retryAtStart } from '../service/start-retry';
import { refuseDevelopmentDatabasePassword } from './development-password';
import { PostgresDatabase } from './postgres';
import { PostgresRelayLease, soleRelay, type RelayLease } from './relay-lease';
import type { Migrations, SqlDatabase } from './sql-database';
import { SqliteDatabase } from './sqlite';

export interface DatabaseSettings {
  /** `DATABASE_URL`: '' for SQLite. */
  databaseUrl: string;
  /** `DATA_DIR`: where the SQLite file lives. */
  dataDir: string;
}

export interface ServiceDatabase {
  db: SqlDatabase;
  /** Who drains the outbox: always this process on SQLite, the lease holder on PostgreSQL. */
  relayLease: (onCommitted: () => void) => RelayLease;
  /** Connects and migrates, or fails with a ConfigError naming the setting; before any other use. */
  open(): Promise<void>;
}

/** SQLSTATEs that mean the role or its schema is not set up as the service needs. */
const NOT_PROVISIONED = new Set(['28000', '28P01', '3D000', '3F000', '42501']);

/** `name`'s database as configured; nothing is connected until open(). */
export function serviceDatabase(
  name: string,
  settings: DatabaseSettings,
  migrations: Migrations,
  logger: Logger,
): ServiceDatabase {
  if (!settings.databaseUrl) {
    const db = new SqliteDatabase(path.join(settings.dataDir, `${name}.sqlite`), migrations.sqlite);
    return { db, relayLease: () => soleRelay, open: () => db.open() };
  }
  const url = settings.databaseUrl;
  refuseDevelopmentDatabasePassword(url);
  const db = new PostgresDatabase({ url, migrations: migrations.postgres, logger });
  return {
    db,
    relayLease: (onCommitted) => new PostgresRelayLease(url, logger, onCommitted),
    open: async () => {
      try {
        await retryAtStart('opening the database', () => db.open(), logger);
      } catch (error) {
        throw new ConfigError([databaseStartProblem(url, error)]);
      }
    },
  };
}

/** What a failed open of DATABASE_URL says: the variable, the URL without its password, and why. */
export function databaseStartProblem(url: string, error: unknown): string {
  const shown = redacted(url);
  const { code, message } = error as { code?: string; message?: string };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const sqlState = cause?.code ?? code;
  const reason = cause?.message ?? message ?? String(error);
  if (isRetriable(error)) return `DATABASE_URL=${shown}: the database cannot be reached (${reason})`;
  if (sqlState && NOT_PROVISIONED.has(sqlState)) {
    return `DATABASE_URL=${shown}: the role cannot use its database (${reason}); each service needs its own role owning a schema named like the role (docs/scale-out.md)`;
  }
  return `DATABASE_URL=${shown}: migrating the service's tables failed (${reason})`;
}

/** The URL without its password, for an error message or a log line. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
