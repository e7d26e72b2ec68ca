// The last line `make bench` prints: the saga's CPU per order is read at the phase that completed the most
// orders a second, beside the relay's CPU per chain and the ratio of the two.
import type { RelayResult } from '../src/relay-bench';
import type { PhaseResult } from '../src/saga-phase';
import { percentiles } from '../src/stats';
import { summarize } from '../src/summary';

const cost = (totalMs: number | null) => ({ byProcessMs: {}, totalMs });

const phase = (rate: number | null, completedPerSec: number, cpuMsPerOrder: number): PhaseResult => ({
  rate,
  sent: 100,
  postErrors: 0,
  confirmed: 100,
  cancelled: 0,
  unfinished: 0,
  completedPerSec,
  latencyMs: percentiles([10]),
  sagaMs: percentiles([8]),
  hopMedianMs: {},
  hopHandlerMs: {},
  backlogGrew: false,
  onSchedule: true,
  sustained: rate !== null,
  maxSendLagMs: 0,
  benchLoopDelayP99Ms: 0,
  processes: [],
  cpuMsPerOrder: cost(cpuMsPerOrder),
});

const relay: RelayResult = {
  msgsPerSec: 4000,
  rate: 50,
  delivered: 750,
  sent: 750,
  endToEndMs: percentiles([12]),
  relayMs: percentiles([4]),
  hopMedianMs: {},
  processes: [],
  chains: 10_000,
  burstProcesses: [],
  cpuMsPerChain: cost(0.5),
};

describe('the summary', () => {
  it('reads CPU per order at the burst when the burst completed the most orders a second', () => {
    const summary = summarize([phase(10, 10, 90), phase(50, 50, 30)], phase(null, 70, 25), relay);

    expect(summary).toMatchObject({
      maxOrdersPerSec: 70,
      cpuMsPerOrder: 25,
      cpuMsPerOrderPhase: 'burst',
      relayCpuMsPerChain: 0.5,
      cpuRatioToRelay: 50,
    });
  });

  it('reads it at a rate when that rate completed more than the burst', () => {
    const summary = summarize([phase(50, 50, 30), phase(200, 80, 20)], phase(null, 75, 25), relay);

    expect(summary).toMatchObject({ maxOrdersPerSec: 80, cpuMsPerOrder: 20, cpuMsPerOrderPhase: 200 });
  });

  it('gives no ratio when the relay moved no chains', () => {
    const summary = summarize([phase(50, 50, 30)], null, { ...relay, chains: 0, cpuMsPerChain: cost(null) });

    expect(summary).toMatchObject({ cpuMsPerOrder: 30, relayCpuMsPerChain: null, cpuRatioToRelay: null });
  });
});
