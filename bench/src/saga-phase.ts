// One measured phase of the saga: orders offered at a fixed rate (or as a burst), then a bounded wait
// for every one of them to end, then the figures, all from record timestamps the collector saw.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { burst, openLoop, type ArrivalStats } from './arrivals';
import type { BenchOrders } from './bench-orders';
import { cpuMsPer, isSystemProcess, type CpuCost } from './cost';
import { hopHandlerMeans, readHandlerTotals } from './handler-times';
import { SAGA_STEPS, hopMedians, withPost } from './hops';
import { PhaseSampler, type ProcessUsage } from './sampler';
import type { SagaCollector } from './saga-collector';
import { backlogGrew, completionRate, percentiles, round, type Percentiles } from './stats';

export type PhasePlan = { rate: number; seconds: number; maxInFlight: number } | { burst: number; concurrency: number };

export interface PhaseResult {
  /** Arrival rate in orders/s; null for the maximum-rate burst. */
  rate: number | null;
  sent: number;
  postErrors: number;
  confirmed: number;
  cancelled: number;
  unfinished: number;
  completedPerSec: number | null;
  /** POST sent → OrderConfirmed record, over the confirmed orders. */
  latencyMs: Percentiles;
  /** PlaceOrder record → OrderConfirmed record: the hops a bare relay also has. */
  sagaMs: Percentiles;
  hopMedianMs: Record<string, number | null>;
  /** Mean time inside the consuming service's handler, per hop: the rest of the hop is delivery. */
  hopHandlerMs: Record<string, number | null>;
  backlogGrew: boolean;
  /**
   * Every order went out within a second of its schedule. If not, the gateway answered so slowly that
   * the cap on unanswered POSTs held sends back: the rate was never offered, so it cannot count as sustained.
   */
  onSchedule: boolean;
  sustained: boolean;
  maxSendLagMs: number;
  /** p99 delay of the bench's own event loop: a late loop would delay POSTs and bias every figure. */
  benchLoopDelayP99Ms: number;
  processes: ProcessUsage[];
  /** CPU of the system's processes during the phase (its drain included) per order it confirmed. */
  cpuMsPerOrder: CpuCost;
}

const DRAIN_POLL_MS = 100;
const MAX_SEND_LAG_MS = 1000;

export async function runSagaPhase(
  plan: PhasePlan,
  deps: {
    client: BenchOrders;
    collector: SagaCollector;
    pids: ReadonlyMap<string, number>;
    /** Each service's instances' ops ports, whose /metrics hold their handler times. */
    opsPorts: Record<string, number[]>;
    drainSeconds: number;
  },
): Promise<PhaseResult> {
  const { client, collector } = deps;
  const planned = 'rate' in plan ? Math.max(1, Math.round(plan.rate * plan.seconds)) : plan.burst;
  // Twice what the phase buys: orders a saturated earlier phase left in flight still reserve stock.
  await client.ensureStock(2 * planned + 100);
  const orders: { id: string; sentAtMs: number }[] = [];
  const send = async () => {
    const sentAtMs = Date.now();
    orders.push({ id: await client.placeOrder(), sentAtMs });
  };
  const handlersBefore = await readHandlerTotals(deps.opsPorts);
  const sampler = new PhaseSampler(deps.pids);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const arrivals: ArrivalStats =
    'rate' in plan
      ? await openLoop(plan.rate, plan.seconds * 1000, plan.maxInFlight, send)
      : await burst(plan.burst, plan.concurrency, send);
  const deadline = Date.now() + deps.drainSeconds * 1000;
  while (Date.now() < deadline && orders.some((order) => !collector.outcome(order.id))) {
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
  const processes = sampler.stop();
  const handlersAfter = await readHandlerTotals(deps.opsPorts);
  loopDelay.disable();

  const outcomes = orders.map((order) => ({ ...order, outcome: collector.outcome(order.id) }));
  const confirmed = outcomes.filter((o) => o.outcome?.type === 'OrderConfirmed');
  const cancelled = outcomes.filter((o) => o.outcome?.type === 'OrderCancelled').length;
  const doneAtMs = outcomes.flatMap((o) => (o.outcome ? [o.outcome.atMs] : []));
  const timelines = confirmed.map((o) => withPost(collector.timelines.get(o.id), o.sentAtMs));
  const rate = 'rate' in plan ? plan.rate : null;
  const grew =
    rate !== null &&
    backlogGrew(
      { startMs: arrivals.startMs, endMs: arrivals.endMs, ratePerSec: rate },
      outcomes.map((o) => ({ sentAtMs: o.sentAtMs, doneAtMs: o.outcome?.atMs })),
    );
  const unfinished = orders.length - confirmed.length - cancelled;
  const onSchedule = arrivals.maxLagMs <= MAX_SEND_LAG_MS;
  return {
    rate,
    sent: arrivals.sent,
    postErrors: arrivals.failed,
    confirmed: confirmed.length,
    cancelled,
    unfinished,
    completedPerSec: round(completionRate(doneAtMs), 1),
    latencyMs: percentiles(confirmed.map((o) => (o.outcome?.atMs ?? NaN) - o.sentAtMs)),
    sagaMs: percentiles(timelines.flatMap((t) => span(t, 'PlaceOrder', 'OrderConfirmed'))),
    hopMedianMs: hopMedians(SAGA_STEPS, timelines),
    hopHandlerMs: hopHandlerMeans(handlersBefore, handlersAfter),
    backlogGrew: grew,
    onSchedule,
    sustained: rate !== null && onSchedule && arrivals.failed === 0 && confirmed.length === arrivals.sent && !grew,
    maxSendLagMs: Math.round(arrivals.maxLagMs),
    benchLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
    processes,
    cpuMsPerOrder: cpuMsPer(processes, confirmed.length, isSystemProcess),
  };
}

function span(timeline: ReadonlyMap<string, number>, from: string, to: string): number[] {
  const start = timeline.get(from);
  const end = timeline.get(to);
  return start === undefined || end === undefined ? [] : [end - start];
}
