// The console's guard rails and its way into the system, through the real HTTP app against a fake gateway:
// actions are refused unless enabled, inputs are validated, an order goes to POST /orders with the page's
// Idempotency-Key, the gateway's problems reach the page as they were, and every answer carries the CSP.
import type { Server } from 'node:http';
import express from 'express';
import { GatewayClient, ProvidersClient, ZipkinClient, type PlaceOrderRequest } from '@saga/client';
import { DECLINED_TOKEN } from '@saga/providers';
import { SagaMetrics, close, listen, loadCatalog, type Logger, type createKafka } from '@saga/shared';
import { CONSOLE_CUSTOMER } from '../src/actions';
import { createConsoleApp } from '../src/app';
import { systemMap } from '../src/system-map';

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;

// Neither refused nor invalid requests reach Kafka: a client that throws proves it.
const noKafka = new Proxy(
  {},
  {
    get: () => {
      throw new Error('kafka must not be used');
    },
  },
) as ReturnType<typeof createKafka>;

const ORDER_ID = '3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11';
/** An order the gateway has no trace id for yet. */
const UNTRACED_ORDER_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const ZIPKIN_URL = 'http://zipkin.test:9411';

interface Received {
  path: string;
  idempotencyKey: string | undefined;
  body: unknown;
}

/** A gateway that accepts every order and refuses every cancellation, recording what it was sent. */
function fakeGateway(received: Received[]) {
  const app = express();
  app.use(express.json());
  app.post('/orders', (req, res) => {
    received.push({ path: req.path, idempotencyKey: req.get('Idempotency-Key'), body: req.body });
    res.status(202).json({ orderId: ORDER_ID, status: 'PENDING' });
  });
  app.get('/orders/:id', (req, res) => {
    const order = { orderId: req.params.id, customerId: 'c-1', status: 'PENDING', items: [] };
    res.json(req.params.id === ORDER_ID ? { ...order, traceId: TRACE_ID } : order);
  });
  app.post('/orders/:id/cancel', (req, res) => {
    received.push({ path: req.path, idempotencyKey: req.get('Idempotency-Key'), body: req.body });
    res
      .status(409)
      .type('application/problem+json')
      .json({
        type: 'https://saga-reference.example/problems/order-not-cancellable',
        title: 'The order can no longer be cancelled',
        status: 409,
        detail: `order ${req.params.id} is already CONFIRMED`,
      });
  });
  return app;
}

describe('the console API', () => {
  const servers: Server[] = [];
  const received: Received[] = [];
  let consoleUrl: string;

  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  async function startConsole(actionsEnabled: boolean) {
    const gateway = await listen(fakeGateway(received), 0);
    servers.push(gateway);
    const app = createConsoleApp({
      logger: silent,
      metrics: new SagaMetrics('console-test'),
      live: { join: () => () => {} },
      kafka: noKafka,
      gateway: new GatewayClient(urlOf(gateway)),
      traces: new ZipkinClient(ZIPKIN_URL),
      providers: new ProvidersClient({ payment: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9' }),
      actionsEnabled,
      map: systemMap(loadCatalog()),
      readiness: [],
    });
    const server = await listen(app, 0);
    servers.push(server);
    consoleUrl = urlOf(server);
  }
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${consoleUrl}${path}`, {
      method: 'POST',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  afterEach(async () => {
    received.splice(0);
    await Promise.all(servers.splice(0).map((server) => close(server)));
  });

  it('refuses every mutating action with a 403 problem when CONSOLE_ACTIONS is not enabled', async () => {
    await startConsole(false);
    const attempts = [
      post('/api/actions/orders', { kind: 'normal' }, { 'Idempotency-Key': 'k-1' }),
      post('/api/actions/dead-letters/payment-service/replay', { offsets: ['0'] }),
      fetch(`${consoleUrl}/api/actions/faults/payment`, { method: 'DELETE' }),
      post(`/api/actions/orders/${ORDER_ID}/cancel`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toContain('CONSOLE_ACTIONS=enabled');
    }
    expect(received).toEqual([]);
  });

  it("places the chosen kind of order through the gateway's POST /orders, with the page's Idempotency-Key", async () => {
    await startConsole(true);
    const response = await post('/api/actions/orders', { kind: 'declined' }, { 'Idempotency-Key': 'click-42' });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ orderId: ORDER_ID, status: 'PENDING', kind: 'declined' });
    expect(received).toHaveLength(1);
    const [order] = received as [Received];
    expect(order.path).toBe('/orders');
    expect(order.idempotencyKey).toBe('click-42');
    const body = order.body as PlaceOrderRequest;
    expect(body.paymentMethod.token).toBe(DECLINED_TOKEN);
    expect(body.customerId).toBe(CONSOLE_CUSTOMER);
  });

  it("links an order to its trace in the trace viewer once the gateway knows the order's trace id", async () => {
    await startConsole(false);
    const traced = await fetch(`${consoleUrl}/api/orders/${ORDER_ID}`);
    const untraced = await fetch(`${consoleUrl}/api/orders/${UNTRACED_ORDER_ID}`);

    expect(await traced.json()).toMatchObject({
      orderId: ORDER_ID,
      traceId: TRACE_ID,
      traceUrl: `${ZIPKIN_URL}/zipkin/traces/${TRACE_ID}`,
    });
    const withoutTrace = (await untraced.json()) as Record<string, unknown>;
    expect(withoutTrace).toMatchObject({ orderId: UNTRACED_ORDER_ID, status: 'PENDING' });
    expect(withoutTrace).not.toHaveProperty('traceUrl');
  });

  it("passes the gateway's problem on to the page as it came", async () => {
    await startConsole(true);
    const response = await post(`/api/actions/orders/${ORDER_ID}/cancel`);

    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toBe(`order ${ORDER_ID} is already CONFIRMED`);
  });

  it('answers bad action input with a 400 problem naming the field, reaching nothing behind it', async () => {
    await startConsole(true);
    const noKey = await post('/api/actions/orders', { kind: 'normal' });
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('Idempotency-Key');
    const badKind = await post('/api/actions/orders', { kind: '<img src=x>' }, { 'Idempotency-Key': 'k-2' });
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('kind');
    const badOffset = await post('/api/actions/dead-letters/payment-service/replay', { offsets: ['1; drop'] });
    expect(badOffset.status).toBe(400);
    const badGroup = await post('/api/actions/dead-letters/nobody/replay', { offsets: ['1'] });
    expect(badGroup.status).toBe(400);
    const badOrderId = await post('/api/actions/orders/not-an-order/cancel');
    expect(badOrderId.status).toBe(400);
    const unknownFault = await fetch(`${consoleUrl}/api/actions/faults/payment`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ explode: true }),
    });
    expect(unknownFault.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 503 when a provider does not answer', async () => {
    await startConsole(true);
    const response = await fetch(`${consoleUrl}/api/actions/faults/carrier`, { method: 'DELETE' });

    expect(response.status).toBe(503);
    expect(((await response.json()) as { detail: string }).detail).toBe('the carrier provider did not answer');
  });

  it('serves the page at its root with a Content-Security-Policy that allows no inline script', async () => {
    await startConsole(false);
    const page = await fetch(`${consoleUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="js/main.js">');
    for (const response of [page, await fetch(`${consoleUrl}/api/settings`)]) {
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });
});
