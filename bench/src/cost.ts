// What a unit of work costs in CPU: the CPU-seconds processes used during a phase over what the phase got
// done (confirmed orders for the saga, chains for the bare relay). Unlike orders/s it barely moves when
// the machine is shared, since waiting for a core costs no CPU time: it is the figure to tune.
import { BENCH_PROCESS, BROKER_PROCESS, RELAY_STAGE_PREFIX } from './config';
import type { ProcessUsage } from './sampler';

export interface CpuCost {
  /** CPU ms per unit of work, by counted process; null when the process was gone by the phase's end. */
  byProcessMs: Record<string, number | null>;
  /** The sum over the counted processes; null when any of them is unknown or nothing got done. */
  totalMs: number | null;
}

/** The saga's cost: every process of the system, not the bench, which drives and watches it. */
export const isSystemProcess = (name: string): boolean => name !== BENCH_PROCESS;

/**
 * The bare relay's cost: its stages and the broker that carries their records. Not the bench, which sends
 * the relay's input and reads every topic to time it, just as it places orders and watches the saga: its
 * POSTs and its collector are left out of the saga's cost in the same way.
 */
export const isRelayProcess = (name: string): boolean => name === BROKER_PROCESS || name.startsWith(RELAY_STAGE_PREFIX);

export function cpuMsPer(usage: readonly ProcessUsage[], done: number, counted: (name: string) => boolean): CpuCost {
  const perUnit = (seconds: number | null) => (seconds === null || done <= 0 ? null : (seconds * 1000) / done);
  const ms = usage.filter((u) => counted(u.name)).map((u) => [u.name, perUnit(u.cpuSeconds)] as const);
  const known = ms.flatMap(([, value]) => (value === null ? [] : [value]));
  return {
    byProcessMs: Object.fromEntries(ms.map(([name, value]) => [name, significant(value)])),
    totalMs: done > 0 && known.length === ms.length ? significant(sum(known)) : null,
  };
}

/**
 * The phase the summary's cost is read at: the one that completed the most orders/s, the burst unless a rate
 * did better (the same phase as `maxOrdersPerSec`). At saturation the fixed costs (polls, heartbeats,
 * timers) are spread over the most orders, so what is left is the cost of an order itself, as the relay's
 * is read over its burst; a low rate's figure is mostly idle cost.
 */
export function saturationPhase<T extends { completedPerSec: number | null }>(phases: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const phase of phases) {
    if (phase.completedPerSec !== null && phase.completedPerSec > (best?.completedPerSec ?? -Infinity)) best = phase;
  }
  return best;
}

/** Three significant digits: a relay stage's few hundredths of a ms per chain keep their precision too. */
export const significant = (value: number | null): number | null =>
  value === null ? null : Number(value.toPrecision(3));
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
