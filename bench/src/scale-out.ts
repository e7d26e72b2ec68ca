// `make bench STORE=postgres INSTANCES=n`: the saga on PostgreSQL with 1, 2, … n instances of each saga
// service. What one instance count measured, the row of the table it gives, and the tables themselves.
import { POSTGRES_PROCESS, sagaServiceOf } from './config';
import { saturationPhase, significant } from './cost';
import type { Machine } from './run';
import type { PhaseResult } from './saga-phase';
import { sustainedPhase } from './summary';

/** One instance count's run, on a system of its own. */
export interface InstancesRun {
  instances: number;
  startedAt: string;
  takenAt: string;
  machine: Machine;
  /** The 1-minute load average over the run, sampled every few seconds (the system's own threads count too). */
  loadDuring: { mean: number; max: number };
  /**
   * CPU the rest of the machine used during the run, in % of one core: the machine's busy time less the
   * system's and the bench's. The machine is shared; what others took, the system could not use.
   */
  otherWorkCpuPercent: number;
  config: { rates: number[]; rateSeconds: number; burstOrders: number; burstConcurrency: number };
  rates: PhaseResult[];
  skippedRates: number[];
  burst: PhaseResult | null;
}

/** One row of the table, and of the JSON line printed last. */
export interface InstancesRow {
  instances: number;
  /** The most orders/s any phase completed (saturation); the CPU figures are that phase's. */
  maxOrdersPerSec: number | null;
  maxPhase: number | 'burst' | null;
  /** Of the orders sent in that phase, the % confirmed: completed/s counts cancelled (timed-out) orders too. */
  confirmedPercentAtMax: number | null;
  /** The highest arrival rate sustained (every order confirmed, no growing backlog); 0 if none. */
  sustainedOrdersPerSec: number;
  p99MsAtSustained: number | null;
  /** CPU ms per confirmed order of every system process (the bench left out), at saturation. */
  cpuMsPerOrder: number | null;
  /** Of which PostgreSQL's: the postmaster and its backends, exited ones included. */
  postgresCpuMsPerOrder: number | null;
  /** Of which the saga services' instances' (order, inventory, payment, shipping). */
  servicesCpuMsPerOrder: number | null;
}

/** The sum to three significant digits; null when any part is unknown (a process gone) or there is none. */
export const sumOf = (values: (number | null | undefined)[]): number | null =>
  values.length === 0 || values.some((value) => value == null)
    ? null
    : significant(values.reduce<number>((total, value) => total + (value ?? 0), 0));

/** The phase that completed the most orders/s, whose CPU figures the row gives, as the main bench does. */
export const saturatedPhaseOf = (run: InstancesRun): PhaseResult | undefined =>
  saturationPhase([...run.rates, ...(run.burst ? [run.burst] : [])]);

export function instancesRow(run: InstancesRun): InstancesRow {
  const saturated = saturatedPhaseOf(run);
  const sustained = sustainedPhase(run.rates);
  const byProcess = Object.entries(saturated?.cpuMsPerOrder.byProcessMs ?? {});
  return {
    instances: run.instances,
    maxOrdersPerSec: saturated?.completedPerSec ?? null,
    maxPhase: saturated ? (saturated.rate ?? 'burst') : null,
    confirmedPercentAtMax:
      saturated && saturated.sent > 0 ? Math.floor((saturated.confirmed / saturated.sent) * 100) : null,
    sustainedOrdersPerSec: sustained?.rate ?? 0,
    p99MsAtSustained: sustained?.latencyMs.p99 ?? null,
    cpuMsPerOrder: saturated?.cpuMsPerOrder.totalMs ?? null,
    postgresCpuMsPerOrder: sumOf(byProcess.filter(([name]) => name === POSTGRES_PROCESS).map(([, ms]) => ms)),
    servicesCpuMsPerOrder: sumOf(byProcess.filter(([name]) => sagaServiceOf(name)).map(([, ms]) => ms)),
  };
}
