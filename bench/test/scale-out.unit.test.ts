// The scale-out table: per instance count, the capacity and the CPU per order at saturation, split into
// PostgreSQL's share and the saga services' (all their instances), and the highest rate sustained.
import type { PhaseResult } from '../src/saga-phase';
import { instancesRow, type InstancesRun } from '../src/scale-out';
import { renderInstancesMarkdown } from '../src/scale-out-markdown';
import { percentiles } from '../src/stats';

const phase = (
  rate: number | null,
  completedPerSec: number,
  byProcessMs: Record<string, number | null>,
  options: { sustained?: boolean; p99?: number; cancelled?: number } = {},
): PhaseResult => ({
  rate,
  sent: 100,
  postErrors: 0,
  confirmed: 100 - (options.cancelled ?? 0),
  cancelled: options.cancelled ?? 0,
  unfinished: 0,
  completedPerSec,
  latencyMs: { ...percentiles([10]), p99: options.p99 ?? 10 },
  sagaMs: percentiles([8]),
  hopMedianMs: {},
  hopHandlerMs: {},
  backlogGrew: false,
  onSchedule: true,
  sustained: options.sustained ?? rate !== null,
  maxSendLagMs: 0,
  benchLoopDelayP99Ms: 0,
  processes: [],
  cpuMsPerOrder: { byProcessMs, totalMs: Object.values(byProcessMs).reduce<number>((a, b) => a + (b ?? 0), 0) },
});

const run = (instances: number, rates: PhaseResult[], burst: PhaseResult | null): InstancesRun => ({
  instances,
  startedAt: '2026-12-03T14:00:00.000Z',
  takenAt: '2026-12-03T14:04:00.000Z',
  loadDuring: { mean: 1.5, max: 2 },
  otherWorkCpuPercent: 5,
  machine: { cores: 2, cpuModel: 'test', memoryGb: 8, node: 'v24', loadBefore: 1, loadAfter: 2 },
  config: { rates: [50, 200], rateSeconds: 15, burstOrders: 1000, burstConcurrency: 64 },
  rates,
  skippedRates: [],
  burst,
});

const atBurst = {
  kafka: 1,
  postgres: 2,
  gateway: 0.5,
  'payment-provider': 0.25,
  'order-1': 0.75,
  'order-2': 0.5,
  'payment-1': 1,
  'payment-2': 1.5,
};

describe('a row of the scale-out table', () => {
  it("reads CPU per order at the phase that completed the most orders a second, split into PostgreSQL's and the services'", () => {
    const counted = run(
      2,
      [phase(50, 50, { kafka: 9 }, { p99: 40 }), phase(200, 150, { kafka: 3 }, { sustained: false })],
      phase(null, 180, atBurst),
    );

    expect(instancesRow(counted)).toEqual({
      instances: 2,
      maxOrdersPerSec: 180,
      maxPhase: 'burst',
      confirmedPercentAtMax: 100,
      sustainedOrdersPerSec: 50,
      p99MsAtSustained: 40,
      cpuMsPerOrder: 7.5,
      postgresCpuMsPerOrder: 2,
      servicesCpuMsPerOrder: 3.75, // not the provider named after payment
    });
  });

  it('says no rate was sustained, and gives no share when a process was gone by the end', () => {
    const counted = run(1, [phase(50, 20, { kafka: 5, postgres: null, order: 1 }, { sustained: false })], null);

    expect(instancesRow(counted)).toMatchObject({
      maxPhase: 50,
      sustainedOrdersPerSec: 0,
      p99MsAtSustained: null,
      postgresCpuMsPerOrder: null,
      servicesCpuMsPerOrder: 1,
    });
  });
});

describe('the scale-out tables', () => {
  it("list each count's figures, each service's instances summed and shown, and the orders not confirmed", () => {
    const runs = [
      run(1, [phase(50, 50, { postgres: 2, order: 1 })], phase(null, 90, { postgres: 2, order: 1 }, { cancelled: 3 })),
      run(2, [phase(50, 50, atBurst)], phase(null, 80, atBurst)),
    ];

    const markdown = renderInstancesMarkdown(runs);

    expect(markdown).toContain('| 1 | 90 (burst, 97 % confirmed) | 50/s | 10 ms | 3 ms | 2 ms | 1 ms |');
    expect(markdown).toContain('| 2 | 80 (burst) | 50/s | 10 ms | 7.5 ms | 2 ms | 3.75 ms |');
    expect(markdown).toContain('| order | 1 ms | 1.25 ms (0.75 + 0.5) |');
    expect(markdown).toContain('| payment | – | 2.5 ms (1 + 1.5) |');
    expect(markdown).toContain('1 instance: the burst 97 of 100 (3 cancelled');
  });
});
