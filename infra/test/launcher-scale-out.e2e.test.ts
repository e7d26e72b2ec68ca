// Scale-out through the launcher, end to end: three processes of each saga service, each service with a
// PostgreSQL database of its own, share their consumer groups, confirm orders placed at the gateway and
// keep confirming while one of them is killed; the test databases are gone once the system stops.
import { Client } from 'pg';
import { eventually, isReady, orderRequest, systemClients, type GatewayClient } from '@saga/client';
import { startTestSystem, type TestSystem } from '../../test/support/system';

let system: TestSystem;
let gateway: GatewayClient;

beforeAll(async () => {
  system = await startTestSystem({}, { store: 'postgres', instances: 3 });
  ({ gateway } = systemClients(system));
}, 300_000);

afterAll(async () => {
  await system?.system.stop();
});

const placeAndAwait = async (count: number) => {
  const placed = await Promise.all(
    Array.from({ length: count }, () => gateway.placeOrder(orderRequest([{ sku: 'SKU-004', quantity: 1 }]))),
  );
  return Promise.all(placed.map(({ orderId }) => gateway.terminal(orderId).then((order) => order.status)));
};

describe('the system with three instances of each saga service on PostgreSQL', () => {
  it('runs twelve saga processes, each ready on its own ops port with its own service database', async () => {
    const names = Object.values(system.processNames).flat();

    expect(names).toHaveLength(12);
    expect(system.processNames.payment).toEqual(['payment-1', 'payment-2', 'payment-3']);
    for (const name of names)
      expect({ name, ready: await isReady(system.instanceOpsUrls[name]!) }).toEqual({ name, ready: true });
    const env = (name: string) => system.system.processes.find((spec) => spec.name === name)!.env;
    expect(env('payment-2')['DATABASE_URL']).toBe(system.databaseUrls!.payment);
    expect(env('gateway')['DATABASE_URL']).toBe(system.databaseUrls!.gateway);
  });

  it('confirms orders placed at the gateway', async () => {
    await gateway.restockAndWait('SKU-004', 20, 30_000);

    expect(await placeAndAwait(12)).toEqual(Array(12).fill('CONFIRMED'));
  });

  it('keeps confirming orders while one payment instance is killed and restarted', async () => {
    const { supervisor } = system.system;
    const killed = supervisor.pid('payment-2');

    supervisor.signal('payment-2', 'SIGKILL');
    const statuses = await placeAndAwait(6);

    expect(statuses).toEqual(Array(6).fill('CONFIRMED'));
    await eventually(() => {
      const pid = supervisor.pid('payment-2');
      return pid !== undefined && pid !== killed ? pid : undefined;
    }, 30_000);
  });

  it('drops its databases when it stops', async () => {
    const database = new URL(system.databaseUrls!.order).pathname.slice(1);

    await system.system.stop();

    const admin = new Client({
      connectionString: process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      expect(rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
