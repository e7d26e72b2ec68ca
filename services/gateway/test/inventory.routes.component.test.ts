// The /inventory contract against the real express app, with a fake publisher instead of Kafka.
import { record, startGateway, stockLevel, type TestGateway } from './helpers';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startGateway();
  const level = { currency: 'EUR', reserved: 1, sold: 2 };
  await gateway.readModel.apply([
    stockLevel(
      record('StockLevelChanged', { sku: 'SKU-002', name: 'Mug', unitPriceCents: 850, available: 5, ...level }),
    ),
  ]);
  await gateway.readModel.apply([
    stockLevel(
      record('StockLevelChanged', { sku: 'SKU-001', name: 'Pen', unitPriceCents: 1999, available: 9, ...level }),
    ),
  ]);
});
afterEach(() => gateway.stop());

describe('GET /inventory', () => {
  it('When products are known, Then it lists them by sku with decimal prices and their currency', async () => {
    const response = await gateway.request('/inventory');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { sku: 'SKU-001', name: 'Pen', unitPrice: 19.99, currency: 'EUR', available: 9, reserved: 1 },
      { sku: 'SKU-002', name: 'Mug', unitPrice: 8.5, currency: 'EUR', available: 5, reserved: 1 },
    ]);
  });

  it('When one product is asked for, Then it answers that product, or 404 for an unknown sku', async () => {
    expect(await (await gateway.request('/inventory/SKU-002')).json()).toEqual({
      sku: 'SKU-002',
      name: 'Mug',
      unitPrice: 8.5,
      currency: 'EUR',
      available: 5,
      reserved: 1,
    });
    const missing = await gateway.request('/inventory/SKU-404');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('POST /inventory/{sku}/restock', () => {
  it('When the sku is known, Then it answers 202 and publishes RestockProduct keyed by sku', async () => {
    const response = await gateway.postJson('/inventory/SKU-001/restock', { quantity: 10 }, gateway.operator);

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ sku: 'SKU-001', quantity: 10, status: 'RESTOCK_REQUESTED' });
    expect(gateway.publisher.published).toEqual([
      expect.objectContaining({
        type: 'RestockProduct',
        key: 'SKU-001',
        value: {
          sku: 'SKU-001',
          quantity: 10,
          envelope: expect.objectContaining({ producer: 'gateway', correlationId: 'SKU-001' }),
        },
      }),
    ]);
  });

  it('When the sku is unknown, Then it answers 404 and publishes nothing', async () => {
    expect((await gateway.postJson('/inventory/SKU-404/restock', { quantity: 10 }, gateway.operator)).status).toBe(404);
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the quantity is not a positive integer, Then it answers 400 naming it', async () => {
    const response = await gateway.postJson('/inventory/SKU-001/restock', { quantity: -3 }, gateway.operator);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'quantity' }] });
    expect(gateway.publisher.published).toHaveLength(0);
  });
});
