// Fault injection on the fake providers over real HTTP: latency, "down" and random 500s strike every API
// request but never /health or /admin, and an injected 500 records nothing, so a retry can still succeed.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConfigError,
  createLogger,
  loadConfig,
  TokenIssuer,
  tokenIssuerSettings,
  TokenVerifier,
  tokenVerifierSettings,
} from '@saga/shared';
import { createCarrierApp } from '../src/carrier-app';
import { createPaymentProviderApp } from '../src/payment-app';
import type { ProviderAppOptions } from '../src/provider-app';
import { listen, providerSettings, type RunningProvider } from '../src/serve';

type Json = Record<string, unknown>;

const verifier = new TokenVerifier(loadConfig(tokenVerifierSettings, {}));
let operatorToken: string;
beforeAll(async () => {
  operatorToken = await new TokenIssuer(loadConfig(tokenIssuerSettings, {})).issue('ops-1', ['operator']);
});

const running: RunningProvider[] = [];
afterEach(() => Promise.all(running.splice(0).map((provider) => provider.close())));

async function startPaymentProvider(options: Partial<ProviderAppOptions> = {}) {
  const app = createPaymentProviderApp({ logger: createLogger('payment-provider', 'silent'), verifier, ...options });
  const provider = await listen(app, 0, '127.0.0.1');
  running.push(provider);
  return client(provider.url);
}

function client(url: string) {
  const call = async <T = Json>(method: string, path: string, body?: unknown, signal?: AbortSignal) => {
    // The switches as an operator flips them; the API as the services call it, without a token.
    const auth = path.startsWith('/admin') ? { authorization: `Bearer ${operatorToken}` } : undefined;
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    call,
    setFaults: (faults: Json) => call('PUT', '/admin/faults', faults),
    charge: (idempotencyKey: string, signal?: AbortSignal) =>
      call('POST', '/v1/charges', { idempotencyKey, amountCents: 999, currency: 'USD', token: 'tok_visa' }, signal),
    chargesUnder: (key: string) => call<Json[]>('GET', `/v1/charges?idempotencyKey=${key}`),
  };
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

describe('provider fault injection', () => {
  it.each([
    ['payment provider', createPaymentProviderApp, '/v1/charges'],
    ['carrier', createCarrierApp, '/v1/shipments'],
  ])('%s answers 503 while down and recovers', async (_name, createApp, listPath) => {
    const provider = await listen(createApp({ logger: createLogger('provider', 'silent'), verifier }), 0, '127.0.0.1');
    running.push(provider);
    const { call, setFaults } = client(provider.url);

    await setFaults({ down: true });
    const whileDown = await call('GET', listPath);
    await call('DELETE', '/admin/faults');
    const afterwards = await call('GET', listPath);

    expect(whileDown).toEqual({ status: 503, body: expect.objectContaining({ error: 'provider_down' }) });
    expect(afterwards.status).toBe(200);
  });

  it('answers 500 without charging at error rate 1, so a later retry charges once', async () => {
    const { call, setFaults, charge, chargesUnder } = await startPaymentProvider();
    await setFaults({ errorRate: 1 });

    const failed = await charge('order-1:payment');
    await call('DELETE', '/admin/faults');

    expect(failed).toEqual({ status: 500, body: expect.objectContaining({ error: 'injected_failure' }) });
    expect((await chargesUnder('order-1:payment')).body).toEqual([]);
    expect((await charge('order-1:payment')).status).toBe(201);
    expect((await chargesUnder('order-1:payment')).body).toHaveLength(1);
  });

  it('fails a request when the random draw falls below the error rate', async () => {
    const draws = [0.49, 0.51];
    const { setFaults, charge } = await startPaymentProvider({ random: () => draws.shift() ?? 1 });
    await setFaults({ errorRate: 0.5 });

    expect((await charge('below')).status).toBe(500);
    expect((await charge('above')).status).toBe(201);
  });

  it('adds the configured latency to API requests but not to /health', async () => {
    const { call, setFaults, charge } = await startPaymentProvider();
    await setFaults({ latencyMs: 300 });

    const chargeMs = await timed(() => charge('order-2:payment'));
    const healthMs = await timed(() => call('GET', '/health'));

    expect(chargeMs).toBeGreaterThanOrEqual(295);
    expect(healthMs).toBeLessThan(300);
  });

  it('keeps /health up whatever the faults', async () => {
    const { call, setFaults } = await startPaymentProvider();
    await setFaults({ down: true, errorRate: 1 });

    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('still charges a caller who timed out, and answers its retry with that charge', async () => {
    const { call, setFaults, charge, chargesUnder } = await startPaymentProvider();
    await setFaults({ latencyMs: 200 });

    await expect(charge('order-3:payment', AbortSignal.timeout(50))).rejects.toThrow();
    await call('DELETE', '/admin/faults');
    await sleep(400);
    const { body: charged } = await chargesUnder('order-3:payment');
    const retry = await charge('order-3:payment');

    expect(charged).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(retry).toEqual({ status: 201, body: expect.objectContaining({ chargeId: charged[0]?.chargeId }) });
  });

  it('merges PUT into the current faults, shows them on GET and clears them on DELETE', async () => {
    const { call, setFaults } = await startPaymentProvider({ faults: { latencyMs: 5 } });

    await setFaults({ errorRate: 0.25 });
    const merged = await call('GET', '/admin/faults');
    const cleared = await call('DELETE', '/admin/faults');

    expect(merged.body).toEqual({ latencyMs: 5, errorRate: 0.25, down: false, rejectAll: false });
    expect(cleared.body).toEqual({ latencyMs: 0, errorRate: 0, down: false, rejectAll: false });
  });

  it.each([{ latencyMs: -1 }, { latencyMs: 1.5 }, { errorRate: 1.5 }, { down: 'yes' }, { errorrate: 0.5 }])(
    'answers 400 to the fault patch %j and keeps the faults as they were',
    async (patch) => {
      const { call, setFaults } = await startPaymentProvider();

      expect((await setFaults(patch)).status).toBe(400);
      expect((await call('GET', '/admin/faults')).body).toEqual({
        latencyMs: 0,
        errorRate: 0,
        down: false,
        rejectAll: false,
      });
    },
  );

  it('reads the starting faults from PROVIDER_LATENCY_MS and PROVIDER_ERROR_RATE, and refuses bad ones', () => {
    const good = loadConfig(providerSettings, { PROVIDER_LATENCY_MS: '250', PROVIDER_ERROR_RATE: '0.1' });
    const bad = () => loadConfig(providerSettings, { PROVIDER_LATENCY_MS: '-5', PROVIDER_ERROR_RATE: '2' });

    expect(good).toMatchObject({ latencyMs: 250, errorRate: 0.1, host: '127.0.0.1' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PROVIDER_LATENCY_MS[\s\S]*PROVIDER_ERROR_RATE/);
  });
});
