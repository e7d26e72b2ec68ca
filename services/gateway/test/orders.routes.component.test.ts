// The /orders contract against the real express app, with a fake publisher instead of Kafka.
import type { PlaceOrder } from '@saga/shared';
import { MAX_BODY_BYTES } from '../src/routes/json-body';
import { at, orderRecord, projected, record, startGateway, validOrder, type TestGateway } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROBLEM_TYPES = 'https://saga-reference.example/problems/';

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await startGateway();
});
afterEach(() => gateway.stop());

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `${PROBLEM_TYPES}${type}`, status });
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  return problem;
}

async function placeOrder(headers: Record<string, string> = {}, body: unknown = validOrder()) {
  const response = await gateway.postJson('/orders', body, headers);
  return { response, body: (await response.json()) as { orderId: string; status: string } };
}

describe('POST /orders', () => {
  it('When a valid order is posted, Then it answers 202 PENDING with its Location and publishes PlaceOrder', async () => {
    const { response, body } = await placeOrder();

    expect(response.status).toBe(202);
    expect(body).toEqual({ orderId: expect.stringMatching(UUID), status: 'PENDING' });
    expect(response.headers.get('location')).toBe(`/orders/${body.orderId}`);
    expect(gateway.publisher.published).toHaveLength(1);
    const [command] = gateway.publisher.published;
    expect(command).toMatchObject({ type: 'PlaceOrder', key: body.orderId });
    expect(command?.value).toMatchObject({
      orderId: body.orderId,
      customerId: 'c-1',
      items: [{ sku: 'SKU-001', quantity: 2 }],
      paymentToken: 'tok_visa',
      shippingAddress: validOrder().shippingAddress,
      giftMessage: null,
      envelope: {
        producer: 'gateway',
        correlationId: body.orderId,
        causationId: response.headers.get('x-request-id'),
      },
    });
  });

  it('When the order has a gift message, Then PlaceOrder carries it and the order view shows it', async () => {
    const { body } = await placeOrder({}, { ...validOrder(), giftMessage: 'Happy birthday!' });

    expect(gateway.publisher.published[0]?.value).toMatchObject({ giftMessage: 'Happy birthday!' });
    const order = (await (await gateway.request(`/orders/${body.orderId}`)).json()) as Record<string, unknown>;
    expect(order.giftMessage).toBe('Happy birthday!');
  });

  it('When the gift message is too long, Then it answers 400 naming giftMessage and publishes nothing', async () => {
    const response = await gateway.postJson('/orders', { ...validOrder(), giftMessage: 'x'.repeat(201) });

    const problem = await expectProblem(response, 400, 'validation-failed');
    expect(problem.errors).toEqual([{ field: 'giftMessage', message: 'must be at most 200 characters' }]);
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the order was accepted, Then it is readable as PENDING at once', async () => {
    const { body } = await placeOrder();

    const response = await gateway.request(`/orders/${body.orderId}`);

    expect(response.status).toBe(200);
    const order = (await response.json()) as Record<string, unknown>;
    expect(order).toEqual({
      orderId: body.orderId,
      customerId: 'c-1',
      status: 'PENDING',
      items: [{ sku: 'SKU-001', quantity: 2 }],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(order.createdAt as string).toISOString()).toBe(order.createdAt);
  });

  it('When the read model cannot take the accepted order, Then it still answers 202: the order is placed', async () => {
    jest.spyOn(gateway.readModel, 'acceptOrder').mockRejectedValue(new Error('database unavailable'));

    const { response, body } = await placeOrder({ 'idempotency-key': 'key-1' });

    expect(response.status).toBe(202);
    expect(gateway.publisher.published).toHaveLength(1);
    // A retry is a replay, not a second order.
    expect((await placeOrder({ 'idempotency-key': 'key-1' })).body).toEqual(body);
    expect(gateway.publisher.published).toHaveLength(1);
  });

  it('When the same Idempotency-Key is sent with the same body, Then it answers the same order and publishes nothing new', async () => {
    const first = await placeOrder({ 'idempotency-key': 'key-1' });
    const reordered = Object.fromEntries(Object.entries(validOrder()).reverse());

    const second = await placeOrder({ 'idempotency-key': 'key-1' }, reordered);

    expect(second.response.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('location')).toBe(`/orders/${first.body.orderId}`);
    expect(gateway.publisher.published).toHaveLength(1);
  });

  it('When the same Idempotency-Key is sent with another body, Then it answers 422 and publishes nothing', async () => {
    await placeOrder({ 'idempotency-key': 'key-1' });

    const response = await gateway.postJson(
      '/orders',
      { ...validOrder(), items: [{ sku: 'SKU-001', quantity: 3 }] },
      { 'idempotency-key': 'key-1' },
    );

    await expectProblem(response, 422, 'idempotency-key-reused');
    expect(gateway.publisher.published).toHaveLength(1);
  });

  it('When publishing fails, Then it answers a retriable 503, keeps no order, and a retry with the key succeeds', async () => {
    gateway.publisher.failWith = new Error('broker down');

    const failed = await gateway.postJson('/orders', validOrder(), { 'idempotency-key': 'key-1' });

    await expectProblem(failed, 503, 'service-unavailable');
    expect(failed.headers.get('retry-after')).toBe('1');
    gateway.publisher.failWith = undefined;
    const retried = await placeOrder({ 'idempotency-key': 'key-1' });
    expect(retried.response.status).toBe(202);
    expect(gateway.publisher.published).toHaveLength(1);
  });

  it('When the body is not JSON, Then it answers 400', async () => {
    const response = await gateway.request('/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId": ',
    });

    await expectProblem(response, 400, 'malformed-json');
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When fields are wrong, missing or unknown, Then it answers 400 naming each field', async () => {
    const body = {
      ...validOrder(),
      items: [{ sku: 'SKU-001', quantity: 0 }],
      shippingAddress: { ...validOrder().shippingAddress, country: 'Germany' },
      coupon: 'FREE',
    };
    const response = await gateway.postJson('/orders', body);

    const problem = await expectProblem(response, 400, 'validation-failed');
    const fields = (problem.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['coupon', 'items[0].quantity', 'shippingAddress.country']);
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the content type is not JSON, Then it answers 415', async () => {
    const response = await gateway.request('/orders', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(validOrder()),
    });

    await expectProblem(response, 415, 'unsupported-media-type');
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the body is over 64 KiB, Then it answers 413', async () => {
    const body = { ...validOrder(), customerId: 'x'.repeat(MAX_BODY_BYTES) };

    await expectProblem(await gateway.postJson('/orders', body), 413, 'payload-too-large');
    expect(gateway.publisher.published).toHaveLength(0);
  });

  it('When the Idempotency-Key is not a valid key, Then it answers 400', async () => {
    const response = await gateway.postJson('/orders', validOrder(), { 'idempotency-key': 'x'.repeat(300) });

    await expectProblem(response, 400, 'invalid-idempotency-key');
    expect(gateway.publisher.published).toHaveLength(0);
  });
});

describe('GET /orders/{id}', () => {
  it('When the projection saw the saga complete, Then it shows the order CONFIRMED with decimal prices', async () => {
    const orderId = 'order-1';
    const occurredAt = Date.UTC(2025, 0, 1, 12, 0, 0);
    const placed = record(
      'OrderPlaced',
      {
        orderId,
        customerId: 'c-1',
        items: [{ sku: 'SKU-001', quantity: 2 }],
        paymentToken: 't',
        shippingAddress: validOrder().shippingAddress,
        giftMessage: null,
      },
      { occurredAt },
    );
    const lines = [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1999 }];
    const reserved = record(
      'StockReserved',
      { orderId, lines, totalCents: 3998, currency: 'EUR' },
      { occurredAt: occurredAt + 1 },
    );
    const confirmed = record(
      'OrderConfirmed',
      { orderId, totalCents: 3998, currency: 'EUR' },
      { occurredAt: occurredAt + 2 },
    );
    await gateway.readModel.apply([projected(orderRecord('OrderConfirmed', confirmed), at('order.events', 1))]);
    await gateway.readModel.apply([projected(orderRecord('StockReserved', reserved), at('inventory.events', 0))]);
    await gateway.readModel.apply([projected(orderRecord('OrderPlaced', placed), at('order.events', 0))]);

    const order = await (await gateway.request(`/orders/${orderId}`)).json();
    const timeline = (await (await gateway.request(`/orders/${orderId}/events`)).json()) as Record<string, unknown>[];

    expect(order).toEqual({
      orderId,
      customerId: 'c-1',
      status: 'CONFIRMED',
      items: [{ sku: 'SKU-001', quantity: 2, unitPrice: 19.99 }],
      totalAmount: 39.98,
      currency: 'EUR',
      createdAt: '2025-01-01T12:00:00.000Z',
      updatedAt: '2025-01-01T12:00:00.002Z',
    });
    expect(timeline.map((entry) => entry.type)).toEqual(['OrderPlaced', 'StockReserved', 'OrderConfirmed']);
    expect(timeline[1]).toEqual({
      eventId: reserved.envelope.eventId,
      type: 'StockReserved',
      topic: 'inventory.events',
      partition: 0,
      offset: 0,
      producer: 'test',
      occurredAt: '2025-01-01T12:00:00.001Z',
      causationId: reserved.envelope.causationId,
      payload: { orderId, lines, totalCents: 3998, currency: 'EUR' },
    });
  });

  it("When the projection read the order's trace id, Then the order answers it as traceId", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const orderId = ((await (await gateway.postJson('/orders', validOrder())).json()) as { orderId: string }).orderId;
    expect(await (await gateway.request(`/orders/${orderId}`)).json()).not.toHaveProperty('traceId');

    const command = gateway.publisher.published[0]?.value as PlaceOrder;
    await gateway.readModel.apply([
      { ...projected(orderRecord('PlaceOrder', command), at('order.commands')), traceId },
    ]);

    expect(await (await gateway.request(`/orders/${orderId}`)).json()).toMatchObject({ orderId, traceId });
  });

  it('When the order is unknown, Then the order and its events are 404', async () => {
    await expectProblem(await gateway.request('/orders/nope'), 404, 'not-found');
    await expectProblem(await gateway.request('/orders/nope/events'), 404, 'not-found');
  });
});

describe('POST /orders/{id}/cancel', () => {
  it('When the order is PENDING, Then it answers 202 and publishes CancelOrder', async () => {
    const { body } = await placeOrder();

    const response = await gateway.request(`/orders/${body.orderId}/cancel`, { method: 'POST' });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ orderId: body.orderId, status: 'CANCELLATION_REQUESTED' });
    expect(gateway.publisher.published[1]).toMatchObject({
      type: 'CancelOrder',
      key: body.orderId,
      value: { orderId: body.orderId, envelope: { producer: 'gateway', correlationId: body.orderId } },
    });
  });

  it('When the order is already terminal, Then it answers 409 and publishes nothing', async () => {
    const { body } = await placeOrder();
    const { orderId } = body;
    const cancelled = record('OrderCancelled', { orderId, reason: 'OUT_OF_STOCK' });
    await gateway.readModel.apply([projected(orderRecord('OrderCancelled', cancelled), at('order.events'))]);

    await expectProblem(
      await gateway.request(`/orders/${orderId}/cancel`, { method: 'POST' }),
      409,
      'order-not-cancellable',
    );
    expect(gateway.publisher.published).toHaveLength(1);
    expect(await (await gateway.request(`/orders/${orderId}`)).json()).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'OUT_OF_STOCK',
    });
  });

  it('When the order is unknown, Then it answers 404', async () => {
    await expectProblem(await gateway.request('/orders/nope/cancel', { method: 'POST' }), 404, 'not-found');
  });
});
