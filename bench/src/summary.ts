// The one-line verdict of a run (the last line `make bench` prints) and its ratios to the bare relay.
import { saturationPhase } from './cost';
import type { RelayResult } from './relay-bench';
import type { PhaseResult } from './saga-phase';
import { round } from './stats';

export interface Summary {
  /** Highest arrival rate at which every order was confirmed and the backlog did not grow; 0 if none. */
  sustainedOrdersPerSec: number;
  p99MsAtSustained: number | null;
  /** POST → OrderConfirmed p50 at 50 orders/s (null when 50 was not among the rates). */
  p50MsAt50: number | null;
  /** The most orders/s the saga completed in any phase (the burst, unless a rate did better). */
  maxOrdersPerSec: number | null;
  relayMsgsPerSec: number | null;
  /** maxOrdersPerSec / relayMsgsPerSec: the goal is ≥ 0.5. */
  throughputRatioToRelay: number | null;
  /** PlaceOrder → OrderConfirmed p50 at the relay's rate / the relay's first → last record p50. */
  latencyRatioToRelay: number | null;
  /** CPU ms of the system's processes per confirmed order, in the phase of maxOrdersPerSec (saturation). */
  cpuMsPerOrder: number | null;
  /** Which phase that was: its arrival rate, or 'burst'. */
  cpuMsPerOrderPhase: number | 'burst' | null;
  /** CPU ms of the relay's stages and the broker per chain, over the relay's burst. */
  relayCpuMsPerChain: number | null;
  /** cpuMsPerOrder / relayCpuMsPerChain: how many relay chains' CPU one order costs. */
  cpuRatioToRelay: number | null;
}

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || b === 0 ? null : round(a / b, 2);

/** The highest arrival rate the system sustained, if any. */
export const sustainedPhase = (rates: readonly PhaseResult[]): PhaseResult | undefined =>
  rates.filter((phase) => phase.sustained).sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0))[0];

export function summarize(rates: PhaseResult[], burst: PhaseResult | null, relay: RelayResult): Summary {
  const sustained = sustainedPhase(rates);
  const at50 = rates.find((phase) => phase.rate === 50);
  const atRelayRate = rates.find((phase) => phase.rate === relay.rate);
  const saturated = saturationPhase([...rates, ...(burst ? [burst] : [])]);
  const maxOrdersPerSec = saturated?.completedPerSec ?? null;
  const cpuMsPerOrder = saturated?.cpuMsPerOrder.totalMs ?? null;
  return {
    sustainedOrdersPerSec: sustained?.rate ?? 0,
    p99MsAtSustained: sustained?.latencyMs.p99 ?? null,
    p50MsAt50: at50?.latencyMs.p50 ?? null,
    maxOrdersPerSec,
    relayMsgsPerSec: relay.msgsPerSec,
    throughputRatioToRelay: ratio(maxOrdersPerSec, relay.msgsPerSec),
    latencyRatioToRelay: ratio(atRelayRate?.sagaMs.p50, relay.relayMs.p50),
    cpuMsPerOrder,
    cpuMsPerOrderPhase: saturated ? (saturated.rate ?? 'burst') : null,
    relayCpuMsPerChain: relay.cpuMsPerChain.totalMs,
    cpuRatioToRelay: ratio(cpuMsPerOrder, relay.cpuMsPerChain.totalMs),
  };
}
