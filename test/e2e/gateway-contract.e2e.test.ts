// The gateway's REST contract as an outside client sees it: bearer tokens (401 with a challenge, 403,
// another customer's order as 404), Idempotency-Key replay and conflict, and a problem+json 4xx for
// every kind of bad input, with nothing published for a rejected request.
import { GatewayClient, orderRequest } from '@saga/client';
import { freshCatalog } from '../support/catalog';
import { stackEndpoints, testKafka } from '../support/helpers';
import { bearer, http, startTestSystem, type TestSystem } from '../support/system';

let system: TestSystem;
let gateway: GatewayClient;
/** Customer c-1's Authorization header, as `valid` orders are c-1's. */
let customer: Record<string, string>;
const kafka = testKafka();

beforeAll(async () => {
  stackEndpoints();
  system = await startTestSystem();
  gateway = new GatewayClient(system.gatewayUrl, system.credentials);
  customer = bearer(await system.credentials.customer('c-1'));
  await freshCatalog(gateway);
}, 180_000);

afterAll(async () => {
  await system?.system.stop();
});

/** Records on order.commands so far: a rejected request must not add any. */
async function commandsPublished(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets('order.commands');
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

const valid = orderRequest([{ sku: 'SKU-001', quantity: 1 }]);

describe('POST /orders', () => {
  it('accepts an order with 202, its id and a Location, and serves it as PENDING at once', async () => {
    const response = await http<{ orderId: string; status: string }>(
      'POST',
      `${system.gatewayUrl}/orders`,
      valid,
      customer,
    );

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ orderId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'PENDING' });
    expect(response.headers.get('location')).toBe(`/orders/${response.body.orderId}`);
    const read = await http<{ status: string }>(
      'GET',
      `${system.gatewayUrl}/orders/${response.body.orderId}`,
      undefined,
      customer,
    );
    expect(read.status).toBe(200);
    expect(['PENDING', 'CONFIRMED']).toContain(read.body.status);
  });

  it('replays the same Idempotency-Key and body: same order, nothing new published', async () => {
    const idempotencyKey = `key-${Date.now()}`;
    const first = await gateway.placeOrder(valid, { idempotencyKey });
    const published = await commandsPublished();

    const second = await gateway.placeOrder(valid, { idempotencyKey });

    expect(second.orderId).toBe(first.orderId);
    expect(await commandsPublished()).toBe(published);
  });

  it('refuses the same Idempotency-Key with a different body with 422', async () => {
    const idempotencyKey = `key-${Date.now()}-conflict`;
    await gateway.placeOrder(valid, { idempotencyKey });

    const response = await http(
      'POST',
      `${system.gatewayUrl}/orders`,
      orderRequest([{ sku: 'SKU-002', quantity: 1 }]),
      { ...customer, 'Idempotency-Key': idempotencyKey },
    );

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  const bad: [string, unknown, number, string | undefined][] = [
    ['malformed JSON', '{"customerId": ', 400, undefined],
    ['a quantity of zero', { ...valid, items: [{ sku: 'SKU-001', quantity: 0 }] }, 400, 'items[0].quantity'],
    ['a fractional quantity', { ...valid, items: [{ sku: 'SKU-001', quantity: 1.5 }] }, 400, 'items[0].quantity'],
    [
      'a quantity given as a string',
      { ...valid, items: [{ sku: 'SKU-001', quantity: '2' }] },
      400,
      'items[0].quantity',
    ],
    ['empty items', { ...valid, items: [] }, 400, 'items'],
    ['a missing payment token', { ...valid, paymentMethod: {} }, 400, 'paymentMethod.token'],
    [
      'a missing postal code',
      { ...valid, shippingAddress: { ...valid.shippingAddress, postalCode: undefined } },
      400,
      'shippingAddress.postalCode',
    ],
  ];
  it.each(bad)('answers %s with a problem naming the field, and publishes nothing', async (_, body, status, field) => {
    const published = await commandsPublished();

    const response = await http<{ status: number; title: string; errors?: { field: string }[] }>(
      'POST',
      `${system.gatewayUrl}/orders`,
      body,
      customer,
    );

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, title: expect.any(String) });
    if (field) expect(response.body.errors?.map((error) => error.field)).toContain(field);
    expect(await commandsPublished()).toBe(published);
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await fetch(`${system.gatewayUrl}/orders`, {
      method: 'POST',
      headers: { ...customer, 'content-type': 'text/plain' },
      body: 'hello',
    });

    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers a body over 64 KiB with 413', async () => {
    const huge = { ...valid, customerId: 'x'.repeat(70 * 1024) };

    const response = await http('POST', `${system.gatewayUrl}/orders`, huge, customer);

    expect(response.status).toBe(413);
  });
});

describe('bearer tokens', () => {
  it('answers an anonymous POST /orders with 401, a Bearer challenge, and publishes nothing', async () => {
    const published = await commandsPublished();

    const response = await http<{ status: number }>('POST', `${system.gatewayUrl}/orders`, valid);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
    expect(await commandsPublished()).toBe(published);
  });

  it('answers a token with a tampered payload with 401 invalid_token', async () => {
    const token = await system.credentials.customer('c-1');
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'c-1', roles: ['operator'], exp: Math.floor(Date.now() / 1000) + 60 }),
    ).toString('base64url');

    const response = await http('POST', `${system.gatewayUrl}/admin/read-model/rebuild`, undefined, {
      authorization: `Bearer ${header}.${payload}.${signature}`,
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it("answers a customer reading another customer's order with 404, as for an unknown id", async () => {
    const { orderId } = await gateway.placeOrder(
      orderRequest([{ sku: 'SKU-001', quantity: 1 }], { customerId: 'c-2' }),
    );

    const response = await http('GET', `${system.gatewayUrl}/orders/${orderId}`, undefined, customer);

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ detail: `no order ${orderId}` });
  });

  it('answers a customer restocking with 403', async () => {
    const response = await http('POST', `${system.gatewayUrl}/inventory/SKU-001/restock`, { quantity: 1 }, customer);

    expect(response.status).toBe(403);
  });
});

describe('GET /orders/{id} and cancel', () => {
  it('answers 404 with a problem for an unknown order', async () => {
    const response = await http(
      'GET',
      `${system.gatewayUrl}/orders/00000000-0000-4000-8000-000000000000`,
      undefined,
      customer,
    );

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses to cancel a confirmed order with 409', async () => {
    const { orderId } = await gateway.placeOrder(valid);
    expect(await gateway.terminal(orderId)).toMatchObject({ status: 'CONFIRMED' });

    const response = await http('POST', `${system.gatewayUrl}/orders/${orderId}/cancel`, undefined, customer);

    expect(response.status).toBe(409);
  });
});

describe('GET /inventory and the operator endpoints', () => {
  it('lists the products with price, currency and stock', async () => {
    const response = await http<{ sku: string }[]>('GET', `${system.gatewayUrl}/inventory`, undefined, customer);

    expect(response.status).toBe(200);
    expect(response.body[0]).toEqual({
      sku: expect.any(String),
      name: expect.any(String),
      unitPrice: expect.any(Number),
      currency: expect.any(String),
      available: expect.any(Number),
      reserved: expect.any(Number),
    });
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await http('GET', `${system.gatewayUrl}/health`)).status).toBe(200);
    expect((await http('GET', `${system.gatewayUrl}/ready`)).status).toBe(200);
    const metrics = await http<string>('GET', `${system.gatewayUrl}/metrics`);
    expect(metrics.body).toContain('saga_gateway_http_requests_total');
  });

  it('serves its OpenAPI document and the Swagger UI page with its own assets', async () => {
    const document = await http<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      `${system.gatewayUrl}/openapi.json`,
    );
    const page = await http<string>('GET', `${system.gatewayUrl}/docs`);
    const bundle = await fetch(`${system.gatewayUrl}/docs/assets/swagger-ui-bundle.js`);

    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toContain('/orders/{id}/cancel');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });
});
