// Reading a service that runs as several instances, against fake ops ports on loopback: its metrics summed
// over every instance, and its readiness meaning every instance is ready.
import { createServer, type Server } from 'node:http';
import { metricByInstance, metricSum, serviceReady } from '@saga/client';

interface FakeInstance {
  url: string;
  metrics: string;
  ready: boolean;
  server: Server;
}

/** An ops port answering /metrics with `metrics` and /ready with 200 or 503. */
async function fakeInstance(metrics: string): Promise<FakeInstance> {
  const instance = { metrics, ready: true } as FakeInstance;
  instance.server = createServer((req, res) => {
    if (req.url === '/metrics') return res.end(instance.metrics);
    res.statusCode = req.url === '/ready' && instance.ready ? 200 : 503;
    res.end();
  });
  await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
  instance.url = `http://127.0.0.1:${(instance.server.address() as { port: number }).port}`;
  return instance;
}

const stop = (instance: FakeInstance) => new Promise<void>((resolve) => instance.server.close(() => resolve()));

describe('a service with two instances', () => {
  let one: FakeInstance;
  let two: FakeInstance;

  beforeEach(async () => {
    one = await fakeInstance(
      [
        'saga_duplicates_total{topic="payment.commands"} 2',
        'saga_duplicates_total{topic="order.events"} 1',
        'saga_circuit_state{breaker="payment-provider"} 0',
      ].join('\n'),
    );
    two = await fakeInstance(
      ['saga_duplicates_total{topic="payment.commands"} 5', 'saga_circuit_state{breaker="payment-provider"} 2'].join(
        '\n',
      ),
    );
  });
  afterEach(() => Promise.all([one, two].filter((instance) => instance.server.listening).map(stop)));

  it('When a metric is read, Then it is the sum over both instances', async () => {
    const setting = `${one.url},${two.url}`;

    expect(await metricSum(setting, 'saga_duplicates_total')).toBe(8);
    expect(await metricSum([one.url, two.url], 'saga_duplicates_total', { topic: 'payment.commands' })).toBe(7);
  });

  it('When a gauge is read per instance, Then each instance has its own value', async () => {
    const states = await metricByInstance([one.url, two.url], 'saga_circuit_state');

    expect(states).toEqual([
      { instance: one.url, value: 0 },
      { instance: two.url, value: 2 },
    ]);
  });

  it('When one instance does not answer, Then the sum fails instead of leaving its share out', async () => {
    await stop(two);

    await expect(metricSum([one.url, two.url], 'saga_duplicates_total')).rejects.toThrow();
  });

  it('When one instance is not ready, Then the service is not ready', async () => {
    expect(await serviceReady([one.url, two.url])).toBe(true);

    two.ready = false;

    expect(await serviceReady([one.url, two.url])).toBe(false);
  });
});
