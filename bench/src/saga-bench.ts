// The saga side of the bench: subscribe, prove the subscription sees new orders, warm up (schema ids
// cached, connections open, JIT warm), then each arrival rate in turn and the maximum-rate burst.
import { kafkaSecurity, type Logger } from '@saga/shared';
import { sagaInstances, type BenchConfig } from './config';
import { BenchOrders } from './bench-orders';
import { SagaCollector } from './saga-collector';
import { runSagaPhase, type PhaseResult } from './saga-phase';

const PROBES = 10;
const PROBE_WAIT_MS = 15_000;
const WARMUP_RATE = 20;

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Not sustained and completing under half the arrivals: the capacity is measured, stop climbing. */
const saturated = (phase: PhaseResult): boolean =>
  phase.rate !== null && !phase.sustained && (phase.completedPerSec ?? 0) < phase.rate / 2;

/** The collector starts from the latest offsets, so wait until it sees a whole saga placed after it joined. */
async function probe(client: BenchOrders, collector: SagaCollector): Promise<void> {
  for (let attempt = 1; attempt <= PROBES; attempt++) {
    const orderId = await client.placeOrder();
    if (await until(() => collector.outcome(orderId) !== undefined, PROBE_WAIT_MS)) return;
  }
  throw new Error(`the bench consumer saw none of ${PROBES} probe orders complete: is the system running?`);
}

export async function runSagaBench(
  config: BenchConfig,
  pids: ReadonlyMap<string, number>,
  logger: Logger,
): Promise<{ rates: PhaseResult[]; skippedRates: number[]; burst: PhaseResult | null }> {
  const client = new BenchOrders(config.gatewayUrl, config.sku);
  if (!(await client.ready())) throw new Error(`the gateway at ${config.gatewayUrl} is not ready`);
  const collector = new SagaCollector(config.kafkaBrokers, kafkaSecurity(config), config.registryUrl, logger);
  await collector.start();
  try {
    await client.ensureStock(PROBES + config.warmupOrders + 10);
    await probe(client, collector);
    const opsPorts = Object.fromEntries(
      Object.entries(sagaInstances(config)).map(([service, instances]) => [service, instances.map((i) => i.port)]),
    );
    const deps = { client, collector, pids, opsPorts, drainSeconds: config.drainSeconds };
    if (config.warmupOrders > 0) {
      const seconds = Math.max(1, Math.round(config.warmupOrders / WARMUP_RATE));
      await runSagaPhase({ rate: WARMUP_RATE, seconds, maxInFlight: config.maxInFlight }, deps);
      logger.info('warm-up done');
    }
    const rates: PhaseResult[] = [];
    const skippedRates: number[] = [];
    for (const rate of config.rates) {
      // Past saturation a higher rate only deepens the backlog (and times orders out) for the same figure.
      if (rates.some(saturated)) {
        skippedRates.push(rate);
        continue;
      }
      const plan = { rate, seconds: config.rateSeconds, maxInFlight: config.maxInFlight };
      rates.push(await runSagaPhase(plan, deps));
      logger.info({ rate, result: rates.at(-1) }, 'rate done');
    }
    const burst =
      config.burstOrders > 0
        ? await runSagaPhase({ burst: config.burstOrders, concurrency: config.burstConcurrency }, deps)
        : null;
    if (collector.undecodable > 0)
      logger.warn({ records: collector.undecodable }, 'records the bench could not decode');
    return { rates, skippedRates, burst };
  } finally {
    await collector.stop();
  }
}
