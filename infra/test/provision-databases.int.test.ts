// Database per service on a real PostgreSQL (the machine's own, TEST_POSTGRES_ADMIN_URL): each role works
// in its own schema and nowhere else, and provisioning again changes nothing. A random database and role
// prefix keep concurrent runs on one cluster apart; both are dropped afterwards.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  DatabaseServices,
  dropServiceDatabases,
  provisionServiceDatabases,
  serviceRoles,
  type DatabaseService,
} from '../src/postgres/service-databases';

const adminUrl = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const target = { adminUrl, database: `saga_it_${suffix}`, roles: serviceRoles(`saga_it${suffix}_`) };
const provision = () => provisionServiceDatabases({ ...target, password: (role) => `pw-${role}` });

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('provisioning the service databases', () => {
  let urls: Record<DatabaseService, string>;

  beforeAll(async () => {
    urls = await provision();
  });

  afterAll(() => dropServiceDatabases(target));

  it('lets each service create a table in a schema named after its role, found by the default search_path', async () => {
    for (const service of DatabaseServices) {
      await query(urls[service], 'CREATE TABLE probe (id int PRIMARY KEY)');
      await query(urls[service], 'INSERT INTO probe VALUES (1)');

      const [row] = await query<{ schema: string; owner: string }>(
        urls[service],
        `SELECT current_schema() AS schema, tableowner AS owner FROM pg_tables WHERE tablename = 'probe'
           AND schemaname = current_schema()`,
      );
      expect(row).toEqual({ schema: target.roles[service], owner: target.roles[service] });
    }
  });

  it('gives each service a role that owns its schema and is no superuser, nor can make roles or databases', async () => {
    const inTarget = new URL(adminUrl);
    inTarget.pathname = `/${target.database}`;
    // Schemas belong to the database, so asked there; roles belong to the cluster.
    const roles = await query<Record<string, unknown>>(
      inTarget.toString(),
      `SELECT rolname AS role, rolsuper AS superuser, rolcreaterole AS "createRole", rolcreatedb AS "createDb",
              rolreplication AS replication, rolbypassrls AS "bypassRls",
              (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = rolname) AS "schemaOwner"
         FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [Object.values(target.roles)],
    );

    expect(roles).toEqual(
      Object.values(target.roles)
        .sort()
        .map((role) => ({
          ...{ role, superuser: false, createRole: false, createDb: false, replication: false, bypassRls: false },
          schemaOwner: role,
        })),
    );
  });

  it("denies a service reading or writing another service's tables", async () => {
    const orderTable = `${target.roles.order}.probe`;

    await expect(query(urls.payment, `SELECT * FROM ${orderTable}`)).rejects.toMatchObject({
      code: '42501', // insufficient_privilege
      message: expect.stringMatching(/permission denied for schema/),
    });
    await expect(query(urls.payment, `CREATE TABLE ${target.roles.order}.intruder (id int)`)).rejects.toThrow(
      /permission denied for schema/,
    );
  });

  it('denies a service creating tables in public', async () => {
    await expect(query(urls.inventory, 'CREATE TABLE public.stray (id int)')).rejects.toThrow(
      /permission denied for schema public/,
    );
  });

  it('takes back superuser from a service role when provisioning again', async () => {
    await query(adminUrl, `ALTER ROLE ${target.roles.payment} SUPERUSER CREATEROLE`);

    await provision();

    const [payment] = await query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      adminUrl,
      'SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = $1',
      [target.roles.payment],
    );
    expect(payment).toEqual({ rolsuper: false, rolcreaterole: false });
    await expect(query(urls.payment, `SELECT * FROM ${target.roles.order}.probe`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('provisions again, twice at once, with the same URLs and every table kept', async () => {
    const again = await Promise.all([provision(), provision()]);

    expect(again).toEqual([urls, urls]);
    expect(await query(urls.order, 'SELECT id FROM probe')).toEqual([{ id: 1 }]);
  });

  it('drops the database and every role', async () => {
    await dropServiceDatabases(target);

    const [left] = await query<{ databases: number; roles: number }>(
      adminUrl,
      `SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int AS databases,
              (SELECT count(*) FROM pg_roles WHERE rolname = ANY($2))::int AS roles`,
      [target.database, Object.values(target.roles)],
    );
    expect(left).toEqual({ databases: 0, roles: 0 });
  });
});
