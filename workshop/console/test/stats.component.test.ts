// What the page's "Breakers and pauses" panel is built from, against fake ops ports: a steady order
// whichever service answers first, "not answering" only for an instance that has missed several samples
// in a row, never for one slow or failed answer, and a service of several instances read from all of them.
import type { Server } from 'node:http';
import express from 'express';
import { ProvidersClient, SagaServices, type SagaService } from '@saga/client';
import { MetricNames, close, listen, type Logger, type createKafka } from '@saga/shared';
import { MISSES_BEFORE_UNAVAILABLE } from '../src/readings';
import { StatsSampler } from '../src/stats';

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;
// Kafka figures are not under test: an admin that cannot connect leaves them out.
const noBroker = {
  admin: () => ({
    connect: async () => {
      throw new Error('no broker in a component test');
    },
  }),
} as unknown as ReturnType<typeof createKafka>;

interface Control {
  delayMs: number;
  failing: boolean;
  pauses: number;
}

/** An ops port whose /metrics answers after `delayMs`, or 500 while `failing`. */
function opsPort(service: SagaService, control: Control) {
  const app = express();
  app.get('/metrics', async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, control.delayMs));
    if (control.failing) return res.status(500).send('boom');
    res.send(
      [
        `${MetricNames.circuitState}{breaker="${service}-provider",service="${service}"} 0`,
        `${MetricNames.partitionsPaused}{topic="t",service="${service}"} ${control.pauses}`,
      ].join('\n'),
    );
  });
  return listen(app, 0);
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;

describe('the stats sampler', () => {
  const servers: Server[] = [];
  const controls = Object.fromEntries(
    SagaServices.map((service) => [service, { delayMs: 0, failing: false, pauses: 2 }]),
  ) as Record<SagaService, Control>;
  let sampler: StatsSampler;

  beforeAll(async () => {
    const urls = {} as Record<SagaService, string[]>;
    for (const service of SagaServices) {
      const server = await opsPort(service, controls[service]);
      servers.push(server);
      urls[service] = [urlOf(server)];
    }
    const providers = new ProvidersClient({ payment: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9' });
    sampler = new StatsSampler(noBroker, { opsUrls: urls, providers }, silent);
  });
  afterAll(() => Promise.all(servers.map((server) => close(server))));

  it('lists breakers and pauses in the same service order whichever service answers first', async () => {
    controls.order.delayMs = 60;
    controls.shipping.delayMs = 0;
    const { breakers, pauses } = await sampler.sample();
    controls.order.delayMs = 0;

    expect(breakers.map((breaker) => breaker.service)).toEqual([...SagaServices]);
    expect(pauses.map((pause) => pause.service)).toEqual([...SagaServices]);
  });

  it('keeps showing a service that missed a sample, and says it is not answering only after several misses', async () => {
    controls.shipping.failing = true;
    const seen = [];
    for (let sample = 1; sample <= MISSES_BEFORE_UNAVAILABLE; sample++) seen.push(await sampler.sample());
    controls.shipping.failing = false;
    const back = await sampler.sample();

    const [firstMiss, ...rest] = seen;
    const shipping = expect.stringMatching(/^shipping metrics at http:\/\/127\.0\.0\.1:\d+$/);
    expect(firstMiss!.unavailable).not.toContainEqual(shipping);
    expect(firstMiss!.breakers.map((breaker) => breaker.service)).toContain('shipping');
    const down = rest.at(-1)!;
    expect(down.unavailable).toContainEqual(shipping);
    expect(down.breakers.map((breaker) => breaker.service)).not.toContain('shipping');
    expect(back.unavailable).not.toContainEqual(shipping);
    expect(back.breakers.map((breaker) => breaker.service)).toContain('shipping');
  });
});

describe('the stats sampler, with two instances of payment', () => {
  const servers: Server[] = [];
  const first: Control = { delayMs: 0, failing: false, pauses: 2 };
  const second: Control = { delayMs: 0, failing: false, pauses: 3 };
  // The other services listen nowhere: only payment is under test. The sampler reads this record at every
  // sample, as it would read a name's addresses: an instance is taken out by taking out its URL.
  const nowhere = ['http://127.0.0.1:9'];
  const opsUrls: Record<SagaService, string[]> = { order: nowhere, inventory: nowhere, payment: [], shipping: nowhere };
  let urls: string[];
  let sampler: StatsSampler;

  beforeAll(async () => {
    servers.push(await opsPort('payment', first), await opsPort('payment', second));
    urls = servers.map(urlOf);
    opsUrls.payment = urls;
    const providers = new ProvidersClient({ payment: 'http://127.0.0.1:9', carrier: 'http://127.0.0.1:9' });
    sampler = new StatsSampler(noBroker, { opsUrls, providers }, silent);
  });
  afterAll(() => Promise.all(servers.map((server) => close(server))));

  it("lists each instance's breaker, labelled with the instance, and sums their pauses", async () => {
    const { breakers, pauses } = await sampler.sample();

    expect(breakers).toEqual(
      urls.map((url) => expect.objectContaining({ service: 'payment', instance: new URL(url).host })),
    );
    expect(pauses).toEqual([{ service: 'payment', total: 5, pausing: false }]);
  });

  it("says pausing when one instance's count rises", async () => {
    await sampler.sample();
    second.pauses += 1;
    const { pauses } = await sampler.sample();

    expect(pauses).toEqual([{ service: 'payment', total: 6, pausing: true }]);
  });

  it('reports an instance that stops answering by its URL, keeps showing the other, and takes it back', async () => {
    second.failing = true;
    let down;
    for (let sample = 1; sample <= MISSES_BEFORE_UNAVAILABLE; sample++) down = await sampler.sample();
    second.failing = false;
    const back = await sampler.sample();

    expect(down!.unavailable).toContain(`payment metrics at ${urls[1]}`);
    expect(down!.unavailable).not.toContain(`payment metrics at ${urls[0]}`);
    expect(down!.breakers.map((breaker) => breaker.instance)).toEqual([new URL(urls[0]!).host]);
    expect(down!.pauses).toEqual([{ service: 'payment', total: first.pauses, pausing: false }]);
    // Its pauses count again, and their return is not a rise: that instance did not pause.
    expect(back.unavailable).not.toContain(`payment metrics at ${urls[1]}`);
    expect(back.pauses).toEqual([{ service: 'payment', total: first.pauses + second.pauses, pausing: false }]);
  });

  it('forgets an instance that is no longer among the ops URLs, down or not', async () => {
    second.failing = true;
    for (let sample = 1; sample <= MISSES_BEFORE_UNAVAILABLE; sample++) await sampler.sample();
    opsUrls.payment = [urls[0]!];
    const after = await sampler.sample();
    opsUrls.payment = urls;
    second.failing = false;

    expect(after.unavailable).not.toContain(`payment metrics at ${urls[1]}`);
    expect(after.pauses).toEqual([{ service: 'payment', total: first.pauses, pausing: false }]);
  });
});
