// The fake carrier over real HTTP: a shipment is booked once per idempotency key, an undeliverable address
// is refused, and cancelling is safe to repeat, so tests can assert "shipped at most once".
import { createLogger, loadConfig, TokenVerifier, tokenVerifierSettings } from '@saga/shared';
import { createCarrierApp } from '../src/carrier-app';
import { listen, type RunningProvider } from '../src/serve';

type Json = Record<string, unknown>;

let carrier: RunningProvider;

beforeEach(async () => {
  carrier = await listen(
    createCarrierApp({
      logger: createLogger('carrier', 'silent'),
      verifier: new TokenVerifier(loadConfig(tokenVerifierSettings, {})),
    }),
    0,
    '127.0.0.1',
  );
});
afterEach(() => carrier.close());

async function call<T = Json>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${carrier.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const address = {
  name: 'Ada Lovelace',
  line1: '12 St James Sq',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};
const items = [{ sku: 'BOOK-1', quantity: 2 }];
const ship = (idempotencyKey: string, postalCode = address.postalCode) =>
  call('POST', '/v1/shipments', { idempotencyKey, address: { ...address, postalCode }, items });
const shipmentsUnder = (key: string) => call<Json[]>('GET', `/v1/shipments?idempotencyKey=${key}`);

describe('carrier', () => {
  it('books a shipment once per idempotency key', async () => {
    const booked = await ship('order-1:shipment');
    const replay = await ship('order-1:shipment');

    expect(booked.status).toBe(201);
    expect(booked.body).toEqual({
      shipmentId: expect.stringMatching(/^shp_/),
      carrier: 'FakeEx',
      trackingNumber: expect.stringMatching(/^FX\d{12}$/),
      status: 'booked',
    });
    expect(replay).toEqual(booked);
    const { body: shipments } = await shipmentsUnder('order-1:shipment');
    expect(shipments).toEqual([
      expect.objectContaining({ shipmentId: booked.body.shipmentId, status: 'booked', items }),
    ]);
  });

  it('records the gift message with the shipment, for the parcel label', async () => {
    await call('POST', '/v1/shipments', {
      idempotencyKey: 'order-gift',
      address,
      items,
      giftMessage: 'Happy birthday!',
    });

    const { body: shipments } = await shipmentsUnder('order-gift');

    expect(shipments).toEqual([expect.objectContaining({ status: 'booked', giftMessage: 'Happy birthday!' })]);
  });

  it('refuses postal code 00000, and refuses it again on replay', async () => {
    const refused = await ship('order-2:shipment', '00000');
    const replay = await ship('order-2:shipment', '00000');

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'undeliverable_address' });
    expect(replay).toEqual(refused);
    expect((await shipmentsUnder('order-2:shipment')).body).toEqual([expect.objectContaining({ status: 'refused' })]);
  });

  it('refuses to reuse an idempotency key for a different shipment', async () => {
    await ship('order-3:shipment');

    const reused = await ship('order-3:shipment', '10115');

    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe('idempotency_key_reused');
  });

  it.each([
    ['no address', { idempotencyKey: 'k', items }, 'address must be a JSON object'],
    ['an address without a city', { idempotencyKey: 'k', address: { ...address, city: '' }, items }, 'address.city'],
    ['no items', { idempotencyKey: 'k', address, items: [] }, 'items must be a non-empty array'],
    ['a zero quantity', { idempotencyKey: 'k', address, items: [{ sku: 'A', quantity: 0 }] }, 'items[0].quantity'],
  ])('answers 400 to a shipment with %s', async (_case, body, mentions) => {
    const rejected = await call('POST', '/v1/shipments', body);

    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({ error: 'invalid_request', message: expect.stringContaining(mentions) });
    expect((await call<Json[]>('GET', '/v1/shipments')).body).toEqual([]);
  });

  it('cancels a shipment, and cancelling again changes nothing', async () => {
    const { body: booked } = await ship('order-4:shipment');

    const cancelled = await call('POST', `/v1/shipments/${booked.shipmentId}/cancel`);
    const again = await call('POST', `/v1/shipments/${booked.shipmentId}/cancel`);

    expect(cancelled).toEqual({ status: 200, body: { shipmentId: booked.shipmentId, status: 'cancelled' } });
    expect(again).toEqual(cancelled);
    expect((await shipmentsUnder('order-4:shipment')).body).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect((await call('GET', `/v1/shipments/${booked.shipmentId}`)).body).toMatchObject({ status: 'cancelled' });
  });

  it('answers the original booking to a replay after the cancel', async () => {
    const booked = await ship('order-5:shipment');
    await call('POST', `/v1/shipments/${booked.body.shipmentId}/cancel`);

    expect(await ship('order-5:shipment')).toEqual(booked);
  });

  it('answers 404 to cancelling an unknown shipment', async () => {
    const cancelled = await call('POST', '/v1/shipments/shp_nope/cancel');

    expect(cancelled.status).toBe(404);
    expect(cancelled.body.error).toBe('not_found');
  });

  it('answers 409 to cancelling a refused shipment', async () => {
    const { body: refused } = await ship('order-6:shipment', '00000');

    const cancelled = await call('POST', `/v1/shipments/${refused.shipmentId}/cancel`);

    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error).toBe('shipment_not_cancellable');
  });
});
