// The operational endpoints and the fallbacks every request passes through.
import { MetricNames } from '@saga/shared';
import { startGateway, type TestGateway } from './helpers';

let gateway: TestGateway;
let caughtUp = false;
beforeEach(async () => {
  caughtUp = false;
  gateway = await startGateway([
    { name: 'projection-caught-up', check: () => caughtUp },
    { name: 'schema-writers', check: () => true },
  ]);
});
afterEach(() => gateway.stop());

it('When the process is up, Then /health answers 200', async () => {
  expect((await gateway.request('/health')).status).toBe(200);
});

it('When a readiness check fails, Then /ready answers 503 naming it; once all pass, 200', async () => {
  const notReady = await gateway.request('/ready');
  expect(notReady.status).toBe(503);
  expect(await notReady.json()).toMatchObject({ checks: { 'projection-caught-up': false, 'schema-writers': true } });
  caughtUp = true;
  expect((await gateway.request('/ready')).status).toBe(200);
});

it('When requests were answered, Then /metrics counts them by route pattern and status', async () => {
  await gateway.request('/orders/some-id');
  await gateway.request('/no/such/route');

  const metrics = await (await gateway.request('/metrics')).text();

  expect(metrics).toContain(`${MetricNames.httpRequests}{route="/orders/:id",status="404"`);
  expect(metrics).toContain(`${MetricNames.httpRequests}{route="unmatched",status="404"`);
});

it('When no route matches, Then it answers a 404 problem', async () => {
  const response = await gateway.request('/no/such/route', { method: 'DELETE' });

  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status: 404, instance: '/no/such/route' });
});

it('When an old note links /console, Then it redirects to the console process, path and query kept', async () => {
  const redirecting = await startGateway([], { consoleUrl: 'http://console.example:8090' });
  try {
    const redirects = await Promise.all(
      ['/console', '/console/', '/console/api/stream?order=x'].map((path) =>
        redirecting.request(path, { redirect: 'manual' }),
      ),
    );

    expect(redirects.map((response) => response.status)).toEqual([307, 307, 307]);
    expect(redirects.map((response) => response.headers.get('location'))).toEqual([
      'http://console.example:8090/',
      'http://console.example:8090/',
      'http://console.example:8090/api/stream?order=x',
    ]);
    expect((await redirecting.request('/consoles', { redirect: 'manual' })).status).toBe(404);
  } finally {
    await redirecting.stop();
  }
});
