// The console's guard rails, through the real HTTP app: mutating actions are refused unless enabled,
// inputs are validated like the REST API's, and every console answer carries the strict CSP.
import type { createKafka } from '@saga/shared';
import { consoleActionRoutes } from '../src/console/actions';
import { ConsoleHub } from '../src/console/hub';
import { consoleRoutes } from '../src/console/routes';
import { startGateway, type TestGateway } from './helpers';

// Neither refused nor invalid requests reach Kafka: a client that throws proves it.
const noKafka = new Proxy(
  {},
  {
    get: () => {
      throw new Error('kafka must not be used');
    },
  },
) as ReturnType<typeof createKafka>;

const gatewayWithConsole = (enabled: boolean) =>
  startGateway([], {
    console: {
      routes: (send, readModel) => [
        consoleRoutes({ hub: new ConsoleHub(), kafka: noKafka, actionsEnabled: enabled, onClientsChanged: () => {} }),
        consoleActionRoutes({
          enabled,
          send,
          readModel,
          kafka: noKafka,
          providerUrls: { payment: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9' },
        }),
      ],
    },
  });

describe('the workshop console', () => {
  let gateway: TestGateway;
  afterEach(async () => gateway?.stop());

  it('refuses every mutating action with a 403 problem when CONSOLE_ACTIONS is not enabled', async () => {
    gateway = await gatewayWithConsole(false);
    const attempts = [
      gateway.postJson('/console/api/actions/orders', { kind: 'normal' }),
      gateway.postJson('/console/api/actions/dead-letters/payment-service/replay', { offsets: ['0'] }),
      gateway.request('/console/api/actions/faults/payment', { method: 'DELETE' }),
      gateway.request('/console/api/actions/orders/3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11/cancel', { method: 'POST' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toContain('CONSOLE_ACTIONS=enabled');
    }
    expect(gateway.publisher.published).toEqual([]);
  });

  it('places the chosen kind of order when enabled', async () => {
    gateway = await gatewayWithConsole(true);
    const response = await gateway.postJson('/console/api/actions/orders', { kind: 'declined' });
    expect(response.status).toBe(202);
    const [command] = gateway.publisher.published;
    expect(command?.type).toBe('PlaceOrder');
    expect((command?.value as { paymentToken: string }).paymentToken).toBe('tok_chargeDeclined');
  });

  it('answers bad action input with a 400 problem naming the field, publishing nothing', async () => {
    gateway = await gatewayWithConsole(true);
    const badKind = await gateway.postJson('/console/api/actions/orders', { kind: '<img src=x>' });
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('kind');
    const badOffset = await gateway.postJson('/console/api/actions/dead-letters/payment-service/replay', {
      offsets: ['1; drop'],
    });
    expect(badOffset.status).toBe(400);
    const badGroup = await gateway.postJson('/console/api/actions/dead-letters/nobody/replay', { offsets: ['1'] });
    expect(badGroup.status).toBe(400);
    const unknownFault = await gateway.request('/console/api/actions/faults/payment', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ explode: true }),
    });
    expect(unknownFault.status).toBe(400);
    expect(gateway.publisher.published).toEqual([]);
  });

  it('serves the page with a Content-Security-Policy that allows no inline script', async () => {
    gateway = await gatewayWithConsole(false);
    const page = await gateway.request('/console/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="js/main.js">');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
