// The bench as a library (the CLI and the smoke test both call runBench): the saga phases, then the
// bare relay on the same broker, then the summary that compares them.
import os from 'node:os';
import type { Logger } from '@saga/shared';
import { BENCH_PROCESS, BROKER_PROCESS, systemPorts, type BenchConfig } from './config';
import { launcherOf, pidsByPort } from './processes';
import { runRelayBench, type RelayResult } from './relay-bench';
import { runSagaBench } from './saga-bench';
import type { PhaseResult } from './saga-phase';
import { summarize, type Summary } from './summary';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  /** 1-minute load average before and after: how busy the machine was besides the bench. */
  loadBefore: number;
  loadAfter: number;
}

export interface BenchReport {
  takenAt: string;
  machine: Machine;
  config: Pick<BenchConfig, 'rates' | 'rateSeconds' | 'burstOrders' | 'burstConcurrency' | 'relayRate' | 'relayBurst'>;
  rates: PhaseResult[];
  /** Rates not run because a lower one already saturated the system. */
  skippedRates: number[];
  burst: PhaseResult | null;
  relay: RelayResult;
  summary: Summary;
}

/** The processes to sample: the system's by their ports, the launcher that supervises them, and the bench. */
export function systemPids(config: BenchConfig, logger: Logger): Map<string, number> {
  const pids = pidsByPort(systemPorts(config));
  const gateway = pids.get('gateway');
  const launcher = gateway === undefined ? undefined : launcherOf(gateway);
  if (launcher !== undefined) pids.set('launcher', launcher);
  pids.set(BENCH_PROCESS, process.pid);
  logger.info({ pids: Object.fromEntries(pids) }, 'sampling these processes');
  return pids;
}

/** The machine, with the 1-minute load average taken before the run and now. */
export function machine(loadBefore: number): Machine {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: Math.round(loadBefore * 10) / 10,
    loadAfter: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

export async function runBench(config: BenchConfig, logger: Logger): Promise<BenchReport> {
  const [loadBefore = 0] = os.loadavg();
  const pids = systemPids(config, logger);
  const { rates, skippedRates, burst } = await runSagaBench(config, pids, logger);
  const relay = await runRelayBench(
    config,
    new Map([...pids].filter(([name]) => [BROKER_PROCESS, BENCH_PROCESS].includes(name))),
    logger,
  );
  const { rates: r, rateSeconds, burstOrders, burstConcurrency, relayRate, relayBurst } = config;
  return {
    takenAt: new Date().toISOString(),
    machine: machine(loadBefore),
    config: { rates: r, rateSeconds, burstOrders, burstConcurrency, relayRate, relayBurst },
    rates,
    skippedRates,
    burst,
    relay,
    summary: summarize(rates, burst, relay),
  };
}
