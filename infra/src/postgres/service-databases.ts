// Database per service on one PostgreSQL cluster: one database, and in it one login role per service
// that owns a schema of its own name, so the default search_path ("$user", public) finds its tables with
// no setting. A role has no privilege on another service's schema and cannot create in `public`, and is no
// superuser. Only the database, roles, schemas and grants are made here: each service migrates its own
// tables at start, as its role, the schema's owner; the admin URL is for provisioning only.
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { SagaServices } from '@saga/client';
import { ConfigError } from '@saga/shared';

/** Every process that keeps state in PostgreSQL: the four saga services and the gateway's read model. */
export const DatabaseServices = [...SagaServices, 'gateway'] as const;
export type DatabaseService = (typeof DatabaseServices)[number];

export interface ServiceDatabases {
  /** A superuser's URL on the cluster, to any database there (`postgres` by default). */
  adminUrl: string;
  database: string;
  roles: Record<DatabaseService, string>;
}

export interface ProvisionOptions extends ServiceDatabases {
  password: (role: string) => string;
}

/** `saga_order`, `saga_payment`, …: the roles, and so the schemas, under `prefix`. */
export function serviceRoles(prefix = 'saga_'): Record<DatabaseService, string> {
  return Object.fromEntries(DatabaseServices.map((service) => [service, `${prefix}${service}`])) as Record<
    DatabaseService,
    string
  >;
}

// Plain lower-case names only: "$user" in the search_path must match the schema without quoting rules to
// remember, and PostgreSQL truncates identifiers past 63 bytes, which would merge two services' roles.
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkNames({ database, roles }: ServiceDatabases): void {
  const bad = [database, ...Object.values(roles)].filter((name) => !NAME.test(name));
  if (bad.length > 0) throw new ConfigError(bad.map((name) => `${JSON.stringify(name)}: expected ${NAME.source}`));
}

/** The same cluster and settings as `url`, with `database` and, when given, another user. */
function urlFor(url: string, database: string, user?: { name: string; password: string }): string {
  const result = new URL(url);
  result.pathname = `/${encodeURIComponent(database)}`;
  if (user) {
    result.username = encodeURIComponent(user.name);
    result.password = encodeURIComponent(user.password);
  }
  return result.toString();
}

// Every provisioner and dropper of one database takes this lock on the admin connection, so two
// `make dev`s or test workers starting at once queue instead of racing CREATE ROLE or CREATE DATABASE
// (which fail on a concurrent duplicate rather than wait). Advisory locks belong to the database the
// admin connected to: callers of one cluster use the same admin URL (`postgres` by default).
async function withAdmin<T>(adminUrl: string, database: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [`saga-provision:${database}`]);
    return await work(admin);
  } finally {
    // Closing the session releases the lock too, also when the work threw.
    await admin.end();
  }
}

/** What a service's role may not do: it runs the service and its migrations, on its own schema only. */
const RUNTIME_ROLE = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

const exists = async (client: Client, sql: string, name: string) => (await client.query(sql, [name])).rowCount! > 0;

/**
 * Creates what is missing and brings what exists to the contract (a role's password, a schema's owner):
 * safe to run again, and from several processes at once. Returns each service's own database URL.
 */
export async function provisionServiceDatabases(options: ProvisionOptions): Promise<Record<DatabaseService, string>> {
  checkNames(options);
  const { adminUrl, database, roles, password } = options;
  const db = escapeIdentifier(database);
  await withAdmin(adminUrl, database, async (admin) => {
    // CREATE DATABASE cannot run inside a transaction, so each statement runs on its own.
    if (!(await exists(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', database))) {
      await admin.query(`CREATE DATABASE ${db}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    for (const role of Object.values(roles)) {
      const verb = (await exists(admin, 'SELECT 1 FROM pg_roles WHERE rolname = $1', role)) ? 'ALTER' : 'CREATE';
      // Spelled out rather than left to CREATE ROLE's defaults, so provisioning again also takes back
      // what someone granted a runtime role by hand: a service's role is never more than a login.
      await admin.query(
        `${verb} ROLE ${escapeIdentifier(role)} WITH LOGIN ${RUNTIME_ROLE} PASSWORD ${escapeLiteral(password(role))}`,
      );
      await admin.query(`GRANT CONNECT ON DATABASE ${db} TO ${escapeIdentifier(role)}`);
    }
    const inside = new Client({ connectionString: urlFor(adminUrl, database) });
    await inside.connect();
    try {
      // PostgreSQL 15+ already withholds CREATE on `public`; older clusters and edited templates do not.
      await inside.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      for (const role of Object.values(roles)) {
        const schema = escapeIdentifier(role);
        await inside.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${schema}`);
        await inside.query(`ALTER SCHEMA ${schema} OWNER TO ${schema}`);
      }
    } finally {
      await inside.end();
    }
  });
  return Object.fromEntries(
    Object.entries(roles).map(([service, role]) => [
      service,
      urlFor(adminUrl, database, { name: role, password: password(role) }),
    ]),
  ) as Record<DatabaseService, string>;
}

/** Drops the database (closing its sessions) and the roles: what a test provisioned, gone. */
export async function dropServiceDatabases(options: ServiceDatabases): Promise<void> {
  checkNames(options);
  await withAdmin(options.adminUrl, options.database, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(options.database)} WITH (FORCE)`);
    for (const role of Object.values(options.roles)) await admin.query(`DROP ROLE IF EXISTS ${escapeIdentifier(role)}`);
  });
}

/** The variable that hands a service its URL to the launcher: ORDER_DATABASE_URL, …, GATEWAY_DATABASE_URL. */
export const databaseUrlVariable = (service: DatabaseService) => `${service.toUpperCase()}_DATABASE_URL`;
