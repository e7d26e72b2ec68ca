// CPU per unit of work: which processes count as the saga's and the relay's, the arithmetic, and the
// phase the summary reads the saga's cost at.
import { cpuMsPer, isRelayProcess, isSystemProcess, saturationPhase } from '../src/cost';
import type { ProcessUsage } from '../src/sampler';

const usage = (name: string, cpuSeconds: number | null): ProcessUsage => ({
  name,
  pid: 1,
  cpuSeconds,
  cpuPercent: null,
  rssMaxMb: null,
});

describe('CPU per unit of work', () => {
  it("divides each system process's CPU seconds by the confirmed orders, in ms, leaving the bench out", () => {
    const phase = [usage('kafka', 3), usage('order', 1.5), usage('console', 0.01), usage('bench', 9)];

    const cost = cpuMsPer(phase, 500, isSystemProcess);

    expect(cost.byProcessMs).toEqual({ kafka: 6, order: 3, console: 0.02 });
    expect(cost.totalMs).toBe(9.02);
  });

  it("counts the relay's stages and the broker, not the bench that feeds and times it", () => {
    const burst = [usage('kafka', 2), usage('relay-stage1', 0.345), usage('relay-stage5', 0.5), usage('bench', 4)];

    const cost = cpuMsPer(burst, 10_000, isRelayProcess);

    // Three significant digits, so that hundredths of a ms keep their precision.
    expect(cost.byProcessMs).toEqual({ kafka: 0.2, 'relay-stage1': 0.0345, 'relay-stage5': 0.05 });
    expect(cost.totalMs).toBe(0.285);
  });

  it('gives no total when a counted process was gone by the end, rather than an undercount', () => {
    const cost = cpuMsPer([usage('kafka', 3), usage('payment', null)], 100, isSystemProcess);

    expect(cost.byProcessMs).toEqual({ kafka: 30, payment: null });
    expect(cost.totalMs).toBeNull();
  });

  it('gives no figure for a phase that confirmed nothing', () => {
    expect(cpuMsPer([usage('kafka', 3)], 0, isSystemProcess)).toEqual({ byProcessMs: { kafka: null }, totalMs: null });
  });
});

describe('the phase the cost is read at', () => {
  it('is the one that completed the most orders a second, a rate if it beat the burst', () => {
    const phases = [
      { name: '50/s', completedPerSec: 50 },
      { name: '200/s', completedPerSec: 80 },
      { name: 'burst', completedPerSec: 75 },
    ];
    expect(saturationPhase(phases)?.name).toBe('200/s');
  });

  it('skips phases without a completion rate, and is none when no phase has one', () => {
    expect(saturationPhase([{ completedPerSec: null }, { completedPerSec: 3 }])).toEqual({ completedPerSec: 3 });
    expect(saturationPhase([{ completedPerSec: null }])).toBeUndefined();
  });
});
