// A PostgreSQL database of a test file's own, on the server TEST_POSTGRES_ADMIN_URL names (our machines
// run one on 127.0.0.1:5432 with trust auth), provisioned as a deployment is (infra's provisioning: a
// role per service owning the schema named like it), under a random database name and role prefix, since
// roles are cluster-wide. Dropped after the file.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createLogger, PostgresDatabase, type Migrations } from '@saga/shared';
import { MESSAGING_MIGRATIONS } from '../../shared/src/store/messaging-tables';
import {
  dropServiceDatabases,
  provisionServiceDatabases,
  serviceRoles,
  type DatabaseService,
} from '../../infra/src/postgres/service-databases';
import { onCleanup } from './helpers';

const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestPostgres {
  /** The service's DATABASE_URL: its own role, whose tables land in the schema named like it. */
  urlOf(service: DatabaseService): string;
  /** A database on `service`'s schema with the runtime's and `migrations`' tables, closed after the file. */
  open(service: DatabaseService, migrations?: Migrations): Promise<PostgresDatabase>;
  /** A superuser query on the test database (to look at what the services cannot). */
  admin(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

export async function testPostgres(): Promise<TestPostgres> {
  const suffix = randomBytes(4).toString('hex');
  const target = { adminUrl: ADMIN_URL, database: `saga_test_${suffix}`, roles: serviceRoles(`saga_t${suffix}_`) };
  const urls = await provisionServiceDatabases({ ...target, password: (role) => role });
  const adminUrl = new URL(ADMIN_URL);
  adminUrl.pathname = `/${target.database}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const opened: PostgresDatabase[] = [];
  onCleanup(async () => {
    await Promise.all(opened.map((db) => db.close()));
    await admin.end();
    await dropServiceDatabases(target);
  });
  return {
    urlOf: (service) => urls[service],
    async open(service, migrations = { sqlite: [], postgres: [] }) {
      const db = new PostgresDatabase({
        url: urls[service],
        migrations: [...MESSAGING_MIGRATIONS.postgres, ...migrations.postgres],
        logger: createLogger('test-postgres', 'silent'),
      });
      opened.push(db);
      await db.open();
      return db;
    },
    admin: (sql, params) => admin.query(sql, params),
  };
}
