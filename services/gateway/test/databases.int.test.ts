// The gateway's databases on PostgreSQL as main.ts and `make rebuild-read-model` open them: a
// DATABASE_URL the server refuses fails the start with an error naming it; the REST API answers from
// them as from SQLite; the rebuild command, with the gateway stopped, empties the read model's tables
// and leaves the Idempotency-Key store alone.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, createLogger } from '@saga/shared';
import { freePort } from '../../../test/support/ports';
import { testPostgres, type TestPostgres } from '../../../test/support/postgres';
import { gatewayDatabases, type GatewayDatabases } from '../src/databases';
import { SqlIdempotencyStore } from '../src/idempotency';
import { ReadModel } from '../src/projection/read-model';
import { ProjectionStore } from '../src/projection/store';
import { orderRecord, projected, record, startGateway, validOrder } from './helpers';

const REBUILD = path.resolve(__dirname, '../dist/rebuild-read-model.js');
const silent = createLogger('gateway-test', 'silent');

describe("the gateway's PostgreSQL database", () => {
  let server: TestPostgres;
  const opened: GatewayDatabases[] = [];
  const open = async (databaseUrl: string) => {
    const databases = gatewayDatabases({ databaseUrl, dataDir: '' }, silent);
    opened.push(databases);
    await databases.open();
    return databases;
  };

  beforeAll(async () => {
    server = await testPostgres();
  });
  afterAll(() => Promise.all(opened.map((databases) => databases.close())));

  it('When DATABASE_URL names a role the server refuses, Then the start fails naming DATABASE_URL, password hidden', async () => {
    // A role that does not exist: the test server trusts local connections, so a wrong password would pass.
    const wrong = new URL(server.urlOf('gateway'));
    wrong.username = 'saga_nobody';
    wrong.password = 'secret';

    const failure = open(wrong.toString());

    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow(/DATABASE_URL=postgres:\/\/saga_nobody:\*\*\*@.*own role/);
  });

  it('When an order is posted and read on PostgreSQL, Then it is PENDING at once and a retry with its key replays it', async () => {
    const gateway = await startGateway([], { databases: await open(server.urlOf('gateway')) });
    try {
      const post = () => gateway.postJson('/orders', validOrder(), { 'Idempotency-Key': '"pg-1"' });
      const first = await post();
      const { orderId } = (await first.json()) as { orderId: string };

      const order = await gateway.request(`/orders/${orderId}`);
      const retry = await post();

      expect(first.status).toBe(202);
      expect(await order.json()).toMatchObject({ orderId, status: 'PENDING', customerId: 'c-1' });
      expect(retry.status).toBe(202);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toMatchObject({ orderId });
      expect(gateway.publisher.published).toHaveLength(1);
    } finally {
      await gateway.stop();
    }
  });

  it('When the rebuild command runs with the gateway stopped, Then the read model is emptied and the keys kept', async () => {
    const url = server.urlOf('gateway');
    const databases = await open(url);
    const keys = new SqlIdempotencyStore(databases.keys);
    await keys.claim('k', 'h1', 'order-1');
    const { customerId, items, shippingAddress } = validOrder();
    const placed = record('PlaceOrder', {
      orderId: 'order-1',
      customerId,
      items,
      shippingAddress,
      paymentToken: 'tok_visa',
      giftMessage: null,
    });
    await new ReadModel(new ProjectionStore(databases.readModel)).apply([
      projected(orderRecord('PlaceOrder', placed), { topic: 'order.commands', partition: 0, offset: 0 }),
    ]);

    // Nothing answers at GATEWAY_URL: the gateway is stopped.
    const gatewayUrl = `http://127.0.0.1:${await freePort()}`;
    await promisify(execFile)(process.execPath, [REBUILD], {
      env: { ...process.env, DATABASE_URL: url, GATEWAY_URL: gatewayUrl },
    });

    const store = new ProjectionStore(databases.readModel);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.order('order-1')).toBeUndefined();
    expect(await keys.claim('k', 'h1', 'order-2')).toEqual({ kind: 'in-flight' });
  });
});
