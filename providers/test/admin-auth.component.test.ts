// The fault switches take an operator's token: without one a provider answers 401 with a challenge, with
// a customer's 403, and the switches stay as they were. The business API (what the services call) stays open.
import {
  createLogger,
  loadConfig,
  TokenIssuer,
  tokenIssuerSettings,
  TokenVerifier,
  tokenVerifierSettings,
} from '@saga/shared';
import { createPaymentProviderApp } from '../src/payment-app';
import { listen, type RunningProvider } from '../src/serve';

const issuer = new TokenIssuer(loadConfig(tokenIssuerSettings, {}));
let provider: RunningProvider;
beforeEach(async () => {
  const verifier = new TokenVerifier(loadConfig(tokenVerifierSettings, {}));
  provider = await listen(
    createPaymentProviderApp({ logger: createLogger('payment', 'silent'), verifier }),
    0,
    '127.0.0.1',
  );
});
afterEach(() => provider.close());

const putDown = (headers: Record<string, string>) =>
  fetch(`${provider.url}/admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ down: true }),
  });

it('When /admin/faults is called without a token, Then it answers 401 with a Bearer challenge and changes nothing', async () => {
  const response = await putDown({});

  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer realm="saga-providers"');
  expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  expect((await fetch(`${provider.url}/v1/charges?idempotencyKey=x`)).status).toBe(200);
});

it("When /admin/faults is called with a customer's token, Then it answers 403", async () => {
  const response = await putDown({ authorization: `Bearer ${await issuer.issue('c-1', ['customer'])}` });

  expect(response.status).toBe(403);
  expect((await fetch(`${provider.url}/v1/charges?idempotencyKey=x`)).status).toBe(200);
});

it("When /admin/faults is called with an operator's token, Then the switch is flipped", async () => {
  const response = await putDown({ authorization: `Bearer ${await issuer.issue('ops-1', ['operator'])}` });

  expect(response.status).toBe(200);
  expect((await fetch(`${provider.url}/v1/charges?idempotencyKey=x`)).status).toBe(503);
});
