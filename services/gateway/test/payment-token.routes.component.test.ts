// The payment token goes in with POST /orders and on to the payment service through Kafka, and never
// comes back out: not in the order, its timeline (the read model keeps the records whole) or its
// history (the order service's event store keeps OrderPlaced whole). Real express app, fake publisher,
// a stand-in order service answering its history as services/order/src/http.ts does.
import express from 'express';
import type { Server } from 'node:http';
import { REDACTED, close, listen, type PlaceOrder } from '@saga/shared';
import { OrderServiceHistory } from '../src/order-history';
import { at, orderRecord, projected, startGateway, validOrder, type TestGateway } from './helpers';

const TOKEN = 'tok_visa_do_not_show';

let orderService: Server;
let gateway: TestGateway;
let placed: PlaceOrder;

beforeAll(async () => {
  const app = express();
  // The order service answers the stream as stored: OrderPlaced with its token.
  app.get('/orders/:id/history', (req, res) => {
    const state = {
      ...{ orderId: req.params.id, customerId: 'c-1', items: placed.items, status: 'PENDING' },
      ...{ cancellationReason: null, totalCents: null, currency: null, shipped: false, createdAt: 1, updatedAt: 1 },
    };
    const { envelope, ...event } = placed;
    const entry = {
      version: 1,
      eventId: envelope.eventId,
      type: 'OrderPlaced',
      recordedAt: 1,
      topic: null,
      event,
      state,
    };
    res.json({ orderId: req.params.id, version: 1, latestVersion: 1, state, events: [entry] });
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

describe('the payment token', () => {
  let orderId: string;

  beforeAll(async () => {
    const response = await gateway.postJson('/orders', { ...validOrder(), paymentMethod: { token: TOKEN } });
    orderId = ((await response.json()) as { orderId: string }).orderId;
    placed = gateway.publisher.published[0]?.value as PlaceOrder;
    // The projection reads PlaceOrder back from order.commands, token and all.
    await gateway.readModel.apply([projected(orderRecord('PlaceOrder', placed), at('order.commands'))]);
  });

  it('When PlaceOrder is published, Then it carries the token to the payment service', () => {
    expect(placed.paymentToken).toBe(TOKEN);
  });

  it("When the order's timeline is read, Then PlaceOrder shows the marker instead of the token", async () => {
    const body = await (await gateway.request(`/orders/${orderId}/events`)).text();

    const [entry] = JSON.parse(body) as { type: string; payload: Record<string, unknown> }[];
    expect(entry).toMatchObject({ type: 'PlaceOrder', payload: { orderId, paymentToken: REDACTED } });
    expect(body).not.toContain(TOKEN);
  });

  it("When the order's history is read, Then OrderPlaced shows the marker instead of the token", async () => {
    const body = await (await gateway.request(`/orders/${orderId}/history`)).text();

    const history = JSON.parse(body) as { events: { type: string; event: Record<string, unknown> }[] };
    expect(history.events[0]).toMatchObject({ type: 'OrderPlaced', event: { orderId, paymentToken: REDACTED } });
    expect(body).not.toContain(TOKEN);
  });

  it('When the order is read, Then the token is not in it', async () => {
    const response = await gateway.request(`/orders/${orderId}`);

    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(TOKEN);
  });
});
