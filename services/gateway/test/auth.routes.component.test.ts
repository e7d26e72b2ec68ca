// The gateway's guard as an attacker meets it: no token, a forged, expired or unsigned one, the wrong
// role, another customer's order, another customer's Idempotency-Key, and too many orders at once.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEVELOPMENT_ISSUER } from '@saga/shared';
import { bearer, startGateway, testIssuer, validOrder, type TestGateway } from './helpers';

const PROBLEM_TYPES = 'https://saga-reference.example/problems/';
const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startGateway();
});
afterEach(() => gateway.stop());

async function expectUnauthorized(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ type: `${PROBLEM_TYPES}unauthorized`, status: 401 });
  return response.headers.get('www-authenticate') ?? '';
}

const placeAs = (headers: Record<string, string>, body: unknown = validOrder()) =>
  gateway.postJson('/orders', body, headers);

/** Places an order as `customer` and answers its id. */
async function orderOf(customer: string): Promise<string> {
  const { customerId: _ignored, ...body } = validOrder();
  const response = await placeAs(await bearer(customer, 'customer'), body);
  expect(response.status).toBe(202);
  return ((await response.json()) as { orderId: string }).orderId;
}

describe('authentication', () => {
  it('When POST /orders has no token, Then it answers 401 with a bare Bearer challenge and publishes nothing', async () => {
    const challenge = await expectUnauthorized(await placeAs({ authorization: '' }));

    expect(challenge).toBe('Bearer realm="saga-gateway"');
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the token is signed with another key, Then it answers 401 invalid_token', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({ roles: ['operator'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('c-1')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime(inAMinute())
      .sign(privateKey);

    const challenge = await expectUnauthorized(await placeAs({ authorization: `Bearer ${forged}` }));

    expect(challenge).toMatch(/^Bearer realm="saga-gateway", error="invalid_token", error_description="/);
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the token has expired, Then it answers 401 saying so', async () => {
    const expired = await testIssuer.issue('c-1', ['customer'], -60);

    const challenge = await expectUnauthorized(
      await gateway.request('/orders/x', { headers: { authorization: `Bearer ${expired}` } }),
    );

    expect(challenge).toContain('error_description="the token has expired"');
  });

  it('When the token says alg none, Then it answers 401', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['operator'] })
      .setSubject('c-1')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime(inAMinute())
      .encode();

    await expectUnauthorized(await placeAs({ authorization: `Bearer ${unsigned}` }));
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When /health, /ready, /metrics, /openapi.json and /docs are asked without a token, Then they answer', async () => {
    for (const path of ['/health', '/ready', '/metrics', '/openapi.json', '/docs']) {
      expect([path, (await gateway.request(path, { headers: { authorization: '' } })).status]).toEqual([path, 200]);
    }
  });
});

describe('roles', () => {
  it('When a customer restocks or rebuilds the read model, Then it answers 403', async () => {
    const restock = await gateway.postJson('/inventory/SKU-001/restock', { quantity: 5 });
    const rebuild = await gateway.request('/admin/read-model/rebuild', { method: 'POST' });

    for (const response of [restock, rebuild]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ type: `${PROBLEM_TYPES}forbidden` });
    }
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When an operator places an order, Then it answers 403: orders are placed by their customer', async () => {
    expect((await placeAs(gateway.operator)).status).toBe(403);
  });

  it('When an operator rebuilds the read model, Then it answers 202', async () => {
    expect(
      (await gateway.request('/admin/read-model/rebuild', { method: 'POST', headers: gateway.operator })).status,
    ).toBe(202);
  });
});

describe('ownership', () => {
  it("When a customer places an order without customerId, Then the order is the token subject's", async () => {
    const orderId = await orderOf('c-9');

    expect(gateway.publisher.published[0]?.value).toMatchObject({ orderId, customerId: 'c-9' });
  });

  it('When the body names another customer, Then it answers 403 and publishes nothing', async () => {
    const response = await placeAs(await bearer('c-9', 'customer'), { ...validOrder(), customerId: 'c-1' });

    expect(response.status).toBe(403);
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it("When a customer reads or cancels another customer's order, Then it is the same 404 as an unknown id", async () => {
    const orderId = await orderOf('c-2');
    const unknown = await gateway.request('/orders/00000000-0000-4000-8000-000000000000');
    const unknownBody = (await unknown.json()) as Record<string, unknown>;

    for (const [path, method] of [
      [`/orders/${orderId}`, 'GET'],
      [`/orders/${orderId}/events`, 'GET'],
      [`/orders/${orderId}/cancel`, 'POST'],
    ] as const) {
      const response = await gateway.request(path, { method });
      expect([path, response.status]).toEqual([path, 404]);
      const body = (await response.json()) as Record<string, unknown>;
      expect({ ...body, detail: undefined, instance: undefined }).toEqual({
        ...unknownBody,
        detail: undefined,
        instance: undefined,
      });
      expect(body.detail).toBe(`no order ${orderId}`);
    }
    expect(gateway.publisher.published.map((command) => command.type)).toEqual(['PlaceOrder']);
  });

  it('When the owner or an operator reads the order, Then it answers 200', async () => {
    const orderId = await orderOf('c-2');

    expect((await gateway.request(`/orders/${orderId}`, { headers: await bearer('c-2', 'customer') })).status).toBe(
      200,
    );
    expect((await gateway.request(`/orders/${orderId}`, { headers: gateway.operator })).status).toBe(200);
  });

  it('When two customers send the same Idempotency-Key, Then each gets an order of its own', async () => {
    const { customerId: _ignored, ...body } = validOrder();
    const first = await placeAs({ ...(await bearer('c-1', 'customer')), 'idempotency-key': 'shared-key' }, body);
    const second = await placeAs({ ...(await bearer('c-2', 'customer')), 'idempotency-key': 'shared-key' }, body);

    expect(second.headers.get('idempotent-replayed')).toBeNull();
    const [a, b] = [(await first.json()) as { orderId: string }, (await second.json()) as { orderId: string }];
    expect(a.orderId).not.toBe(b.orderId);
    expect(gateway.publisher.published).toHaveLength(2);
  });
});

describe('rate limit', () => {
  it('When one caller places more orders than its burst, Then it answers 429 with Retry-After, and other callers go on', async () => {
    await gateway.stop();
    gateway = await startGateway([], { orderRateLimit: { perSecond: 1, burst: 2 } });
    const { customerId: _ignored, ...body } = validOrder();
    const busy = await bearer('c-busy', 'customer');

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await placeAs(busy, body)).status);
    const limited = await placeAs(busy, body);
    const other = await placeAs(await bearer('c-calm', 'customer'), body);

    expect(statuses).toEqual([202, 202, 429]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await limited.json()).toMatchObject({ type: `${PROBLEM_TYPES}too-many-requests`, status: 429 });
    expect(other.status).toBe(202);
  });
});
