// The order service's tables on PostgreSQL, provisioned as a deployment is: its migrations run as its own
// role, which owns the schema and every table in it, and no other service's role can read them. The
// payment role is the one that matters most (issue 20: it holds tokens, not orders); every other is asked too.
import pg from 'pg';
import { testPostgres, type TestPostgres } from '../../../test/support/postgres';
import { ORDER_MIGRATIONS } from '../src/store';

const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

async function select(url: string, table: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(`SELECT * FROM ${table} LIMIT 1`);
  } finally {
    await client.end();
  }
}

describe("the order service's database", () => {
  let postgres: TestPostgres;
  let tables: { schema: string; table: string; owner: string }[];

  beforeAll(async () => {
    postgres = await testPostgres();
    // As main.ts opens it: its DATABASE_URL, and the migrations run at start on that connection.
    await postgres.open('order', ORDER_MIGRATIONS);
    const order = roleOf(postgres.urlOf('order'));
    tables = (
      await postgres.admin(
        'SELECT schemaname AS schema, tablename AS table, tableowner AS owner FROM pg_tables WHERE schemaname = $1',
        [order],
      )
    ).rows as typeof tables;
  });

  it('When the order service migrates, Then its role, no superuser, owns its schema and every table in it', async () => {
    const order = roleOf(postgres.urlOf('order'));
    const [role] = (
      await postgres.admin(
        `SELECT rolsuper, (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1) AS "schemaOwner"
           FROM pg_roles WHERE rolname = $1`,
        [order],
      )
    ).rows;

    expect(role).toEqual({ rolsuper: false, schemaOwner: order });
    expect(tables.map(({ table }) => table)).toEqual(expect.arrayContaining(['order_events']));
    expect(tables.filter(({ owner }) => owner !== order)).toEqual([]);
  });

  it("When the payment service's role reads an order table, Then PostgreSQL denies it (42501)", async () => {
    for (const { schema, table } of tables) {
      await expect(select(postgres.urlOf('payment'), `${pg.escapeIdentifier(schema)}.${table}`)).rejects.toMatchObject({
        code: '42501',
      });
    }
  });

  it("When any other service's role reads an order table, Then PostgreSQL denies it too", async () => {
    const others = ['inventory', 'shipping', 'gateway'] as const;
    const [{ schema, table }] = tables as [(typeof tables)[number]];
    for (const service of others) {
      await expect(select(postgres.urlOf(service), `${pg.escapeIdentifier(schema)}.${table}`)).rejects.toMatchObject({
        code: '42501',
      });
    }
  });
});
