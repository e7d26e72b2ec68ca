// The fake card processor over real HTTP: charges are made once per idempotency key, declines and refunds
// answer like a real processor's, and the look-ups tests rely on ("charged exactly once") tell the truth.
import { createLogger, loadConfig, TokenVerifier, tokenVerifierSettings } from '@saga/shared';
import { createPaymentProviderApp } from '../src/payment-app';
import { listen, type RunningProvider } from '../src/serve';

type Json = Record<string, unknown>;

let provider: RunningProvider;

beforeEach(async () => {
  provider = await listen(
    createPaymentProviderApp({
      logger: createLogger('payment-provider', 'silent'),
      verifier: new TokenVerifier(loadConfig(tokenVerifierSettings, {})),
    }),
    0,
    '127.0.0.1',
  );
});
afterEach(() => provider.close());

async function call<T = Json>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${provider.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const charge = (idempotencyKey: string, token = 'tok_visa', amountCents = 4_200) =>
  call('POST', '/v1/charges', { idempotencyKey, amountCents, currency: 'EUR', token });
const chargesUnder = (key: string) => call<Json[]>('GET', `/v1/charges?idempotencyKey=${key}`);

describe('payment provider', () => {
  it('charges a card once per idempotency key', async () => {
    const first = await charge('order-1:payment');
    const replay = await charge('order-1:payment');

    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      chargeId: expect.stringMatching(/^ch_/),
      status: 'succeeded',
      amountCents: 4_200,
      currency: 'EUR',
    });
    expect(replay).toEqual(first);
    const { body: charges } = await chargesUnder('order-1:payment');
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ chargeId: first.body.chargeId, status: 'succeeded', refunded: false });
  });

  it('charges different keys separately', async () => {
    const a = await charge('order-a');
    const b = await charge('order-b');

    expect(a.body.chargeId).not.toEqual(b.body.chargeId);
    expect((await call<Json[]>('GET', '/v1/charges')).body).toHaveLength(2);
  });

  it('declines tok_chargeDeclined, and declines it again on replay without a second charge', async () => {
    const declined = await charge('order-2:payment', 'tok_chargeDeclined');
    const replay = await charge('order-2:payment', 'tok_chargeDeclined');

    expect(declined.status).toBe(402);
    expect(declined.body).toEqual({
      chargeId: expect.stringMatching(/^ch_/),
      status: 'declined',
      declineCode: 'card_declined',
    });
    expect(replay).toEqual(declined);
    expect((await chargesUnder('order-2:payment')).body).toHaveLength(1);
  });

  it('refuses to reuse an idempotency key for a different charge', async () => {
    await charge('order-3:payment', 'tok_visa', 100);

    const reused = await charge('order-3:payment', 'tok_visa', 200);

    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe('idempotency_key_reused');
  });

  it.each([
    ['no body fields', {}, 'idempotencyKey must be a non-empty string'],
    ['a zero amount', { idempotencyKey: 'k', amountCents: 0, currency: 'EUR', token: 't' }, 'amountCents'],
    ['a fractional amount', { idempotencyKey: 'k', amountCents: 1.5, currency: 'EUR', token: 't' }, 'amountCents'],
    ['a bad currency', { idempotencyKey: 'k', amountCents: 1, currency: 'euro', token: 't' }, 'currency'],
  ])('answers 400 to a charge with %s', async (_case, body, mentions) => {
    const rejected = await call('POST', '/v1/charges', body);

    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({ error: 'invalid_request', message: expect.stringContaining(mentions) });
    expect((await call<Json[]>('GET', '/v1/charges')).body).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${provider.url}/v1/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"idempotencyKey":',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('refunds a charge once, however often it is asked', async () => {
    const { body: charged } = await charge('order-4:payment');

    const refund = await call('POST', `/v1/charges/${charged.chargeId}/refunds`, { idempotencyKey: 'order-4:refund' });
    const again = await call('POST', `/v1/charges/${charged.chargeId}/refunds`, { idempotencyKey: 'order-4:refund' });

    expect(refund.status).toBe(201);
    expect(refund.body).toEqual({
      refundId: expect.stringMatching(/^re_/),
      chargeId: charged.chargeId,
      status: 'succeeded',
      amountCents: 4_200,
    });
    expect(again).toEqual(refund);
    const { body: view } = await call('GET', `/v1/charges/${charged.chargeId}`);
    expect(view).toMatchObject({ status: 'succeeded', refunded: true, refundId: refund.body.refundId });
  });

  it('answers the original charge to a replay after the refund', async () => {
    const first = await charge('order-5:payment');
    await call('POST', `/v1/charges/${first.body.chargeId}/refunds`, { idempotencyKey: 'order-5:refund' });

    expect(await charge('order-5:payment')).toEqual(first);
  });

  it('answers 404 to a refund of an unknown charge', async () => {
    const refund = await call('POST', '/v1/charges/ch_nope/refunds', { idempotencyKey: 'x' });

    expect(refund.status).toBe(404);
    expect(refund.body.error).toBe('not_found');
  });

  it('answers 409 to a refund of a declined charge', async () => {
    const { body: declined } = await charge('order-6:payment', 'tok_chargeDeclined');

    const refund = await call('POST', `/v1/charges/${declined.chargeId}/refunds`, { idempotencyKey: 'order-6:refund' });

    expect(refund.status).toBe(409);
    expect(refund.body.error).toBe('charge_not_refundable');
    expect((await call('GET', `/v1/charges/${declined.chargeId}`)).body).toMatchObject({ refunded: false });
  });

  it('answers 404 to a look-up of an unknown charge', async () => {
    expect((await call('GET', '/v1/charges/ch_nope')).status).toBe(404);
  });
});
