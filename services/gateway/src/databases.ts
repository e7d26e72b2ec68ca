// The gateway's two stores on the engine its configuration names. DATABASE_URL unset: a SQLite file
// each in DATA_DIR, gateway.sqlite (Idempotency-Key store) and projection.sqlite (read model), so that
// `make rebuild-read-model` can remove the one and keep the other. Set: both in the gateway's schema,
// through one PostgreSQL pool; each store's writes still commit on their own (TurnCommits per store).
//
// The gateway runs as one instance on either engine. A second one on the same schema would need:
// - claims that cannot both find a key absent (INSERT … ON CONFLICT DO NOTHING, then read the winner):
//   today no claim runs between another's read and insert only because one process writes its keys
//   one transaction at a time;
// - the same for the read model's read-modify-write of an order (insert the row if missing, then lock
//   it FOR UPDATE), which an accepted order and the projection may both write;
// - where an assigned partition resumes read from applied_offsets at every assignment, not from this
//   process's copy loaded at start, since partitions move between the members of the group;
// - the decisions about the whole group (delete it when the read model is empty, rebuild) taken by
//   one of them, under a lease like the outbox relay's.
import path from 'node:path';
import {
  ConfigError,
  PostgresDatabase,
  refuseDevelopmentDatabasePassword,
  SqliteDatabase,
  databaseStartProblem,
  retryAtStart,
  type Logger,
  type SqlDatabase,
} from '@saga/shared';
import { projectionFile, type GatewayConfig } from './config';
import { IDEMPOTENCY_MIGRATIONS } from './idempotency';
import { READ_MODEL_MIGRATIONS } from './projection/store';

/**
 * The steps of the gateway's PostgreSQL schema, which has one count of applied steps for both stores:
 * append only. A step a store adds later goes at the end of this list, after every step deployed.
 */
export const GATEWAY_POSTGRES_MIGRATIONS: readonly string[] = [
  ...IDEMPOTENCY_MIGRATIONS.postgres,
  ...READ_MODEL_MIGRATIONS.postgres,
];

export interface GatewayDatabases {
  /** The Idempotency-Key store's. */
  keys: SqlDatabase;
  /** The read model's, with its applied offsets. */
  readModel: SqlDatabase;
  /** Connects and migrates, or fails with a ConfigError naming DATABASE_URL; before any other use. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** The databases as configured; SQLite files are opened (and migrated) at once, PostgreSQL by open(). */
export function gatewayDatabases(
  config: Pick<GatewayConfig, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
): GatewayDatabases {
  if (!config.databaseUrl) {
    const keys = new SqliteDatabase(path.join(config.dataDir, 'gateway.sqlite'), IDEMPOTENCY_MIGRATIONS.sqlite);
    const readModel = new SqliteDatabase(projectionFile(config), READ_MODEL_MIGRATIONS.sqlite);
    return {
      keys,
      readModel,
      open: async () => undefined,
      close: async () => {
        await Promise.all([keys.close(), readModel.close()]);
      },
    };
  }
  const url = config.databaseUrl;
  refuseDevelopmentDatabasePassword(url);
  const db = new PostgresDatabase({ url, migrations: GATEWAY_POSTGRES_MIGRATIONS, logger });
  return {
    keys: db,
    readModel: db,
    open: async () => {
      try {
        await retryAtStart('opening the database', () => db.open(), logger);
      } catch (error) {
        throw new ConfigError([databaseStartProblem(url, error)]);
      }
    },
    close: () => db.close(),
  };
}
