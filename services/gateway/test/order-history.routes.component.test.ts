// GET /orders/{id}/history against the real express app and the real HTTP client of the order service,
// with a stand-in order service on a free port answering as services/order/src/http.ts does.
import express from 'express';
import { close, listen } from '@saga/shared';
import type { Server } from 'node:http';
import { OrderServiceHistory, type UpstreamHistory } from '../src/order-history';
import { bearer, startGateway, type TestGateway } from './helpers';

const state = (version: number) => ({
  orderId: 'o-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  status: version < 2 ? 'PENDING' : 'CONFIRMED',
  cancellationReason: null,
  totalCents: version < 2 ? null : 3_998,
  currency: version < 2 ? null : 'EUR',
  shipped: version >= 2,
  createdAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 1) + version,
});
const stream: UpstreamHistory['events'] = [
  { version: 1, eventId: 'e-1', type: 'OrderPlaced', recordedAt: 1, topic: 'order.events', event: {}, state: state(1) },
  {
    version: 2,
    eventId: 'e-2',
    type: 'OrderConfirmed',
    recordedAt: 2,
    topic: 'order.events',
    event: {},
    state: state(2),
  },
] as UpstreamHistory['events'];

let orderService: Server;
let gateway: TestGateway;
let orderServiceUp = true;

beforeAll(async () => {
  const app = express();
  app.get('/orders/:id/history', (req, res) => {
    if (!orderServiceUp) return void res.status(500).end();
    const version = req.query.version === undefined ? 2 : Number(req.query.version);
    if (req.params.id !== 'o-1' || version > 2) return void res.status(404).json({ detail: 'no such order' });
    const events = stream.filter((entry) => entry.version <= version);
    res.json({ orderId: 'o-1', version, latestVersion: 2, state: events.at(-1)!.state, events });
  });
  orderService = await listen(app, 0);
  const address = orderService.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  gateway = await startGateway([], { orderHistory: new OrderServiceHistory(`http://127.0.0.1:${port}`) });
});
afterAll(async () => {
  await gateway.stop();
  await close(orderService);
});

describe('GET /orders/{id}/history', () => {
  it('When the order exists, Then it lists each event with the state after it, in API units', async () => {
    const response = await gateway.request('/orders/o-1/history');

    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: number; state: unknown; events: unknown[] };
    expect(body).toMatchObject({ version: 2, latestVersion: 2, state: { status: 'CONFIRMED', totalAmount: 39.98 } });
    expect(body.events).toEqual([
      expect.objectContaining({
        version: 1,
        type: 'OrderPlaced',
        publishedTo: 'order.events',
        state: expect.objectContaining({ status: 'PENDING', shipped: false }),
      }),
      expect.objectContaining({
        version: 2,
        type: 'OrderConfirmed',
        state: expect.objectContaining({ status: 'CONFIRMED' }),
      }),
    ]);
  });

  it('When asked for an earlier version, Then the state is the order as it was then', async () => {
    const body = (await (await gateway.request('/orders/o-1/history?version=1')).json()) as Record<string, unknown>;

    expect(body).toMatchObject({ version: 1, latestVersion: 2, state: { status: 'PENDING' } });
    expect(body.events).toHaveLength(1);
  });

  it('When the order or the version is unknown, Then it answers a 404 problem', async () => {
    expect((await gateway.request('/orders/nope/history')).status).toBe(404);
    const response = await gateway.request('/orders/o-1/history?version=9');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('When the version is not a positive integer, Then it answers a 400 problem naming it', async () => {
    const response = await gateway.request('/orders/o-1/history?version=zero');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'version' }] });
  });

  it('When the order service fails, Then it answers 503 with Retry-After', async () => {
    orderServiceUp = false;
    try {
      const response = await gateway.request('/orders/o-1/history');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    } finally {
      orderServiceUp = true;
    }
  });
});

describe("GET /orders/{id}/history of another customer's order", () => {
  it('When a customer asks for it, Then it is the same 404 as an unknown order, whatever the version', async () => {
    const otherCustomer = await bearer('c-2', 'customer');

    const response = await gateway.request('/orders/o-1/history', { headers: otherCustomer });
    const atVersion = await gateway.request('/orders/o-1/history?version=1', { headers: otherCustomer });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ detail: 'no order o-1' });
    expect(atVersion.status).toBe(404);
    expect(await atVersion.json()).toMatchObject({ detail: 'no order o-1' });
  });

  it('When an operator asks for it, Then it answers the history', async () => {
    expect((await gateway.request('/orders/o-1/history', { headers: gateway.operator })).status).toBe(200);
  });
});
