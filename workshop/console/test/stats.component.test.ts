// What the page's "Breakers and pauses" panel is built from, against fake ops ports: a steady order
// whichever service answers first, and "not answering" only for a service that has missed several
// samples in a row, never for one slow or failed answer.
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

/** An ops port whose /metrics answers after `delayMs`, or 500 while `failing`. */
function opsPort(service: SagaService, control: { delayMs: number; failing: boolean }) {
  const app = express();
  app.get('/metrics', async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, control.delayMs));
    if (control.failing) return res.status(500).send('boom');
    res.send(
      [
        `${MetricNames.circuitState}{breaker="${service}-provider",service="${service}"} 0`,
        `${MetricNames.partitionsPaused}{topic="t",service="${service}"} 2`,
      ].join('\n'),
    );
  });
  return listen(app, 0);
}

describe('the stats sampler', () => {
  const servers: Server[] = [];
  const controls = Object.fromEntries(
    SagaServices.map((service) => [service, { delayMs: 0, failing: false }]),
  ) as Record<SagaService, { delayMs: number; failing: boolean }>;
  let sampler: StatsSampler;

  beforeAll(async () => {
    const urls = {} as Record<SagaService, string>;
    for (const service of SagaServices) {
      const server = await opsPort(service, controls[service]);
      servers.push(server);
      urls[service] = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
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
    expect(firstMiss!.unavailable).not.toContain('shipping metrics');
    expect(firstMiss!.breakers.map((breaker) => breaker.service)).toContain('shipping');
    const down = rest.at(-1)!;
    expect(down.unavailable).toContain('shipping metrics');
    expect(down.breakers.map((breaker) => breaker.service)).not.toContain('shipping');
    expect(back.unavailable).not.toContain('shipping metrics');
    expect(back.breakers.map((breaker) => breaker.service)).toContain('shipping');
  });
});
