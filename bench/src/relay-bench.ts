// The baseline: the bare relay (relay-topology.ts) through the same broker, measured like the saga.
// Its end-to-end latency and hop medians at a fixed rate, then its maximum throughput and its CPU per
// chain (one message through all five stages, as one order through the saga) from a burst.
import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { createKafka, kafkaSecurity, type Logger } from '@saga/shared';
import { openLoop } from './arrivals';
import { RELAY_STAGE_PREFIX, type BenchConfig } from './config';
import { cpuMsPer, isRelayProcess, type CpuCost } from './cost';
import { hopMedians } from './hops';
import { RELAY_STEPS, startRelay } from './relay-topology';
import { PhaseSampler, type ProcessUsage } from './sampler';
import { completionRate, percentiles, round, type Percentiles } from './stats';
import { quiet, type Timeline } from './saga-collector';

export interface RelayResult {
  msgsPerSec: number | null;
  rate: number;
  delivered: number;
  sent: number;
  /** Send → last stage's record, and first record → last (the hops the saga's sagaMs covers). */
  endToEndMs: Percentiles;
  relayMs: Percentiles;
  hopMedianMs: Record<string, number | null>;
  /** During the run at `rate`. */
  processes: ProcessUsage[];
  /** Messages of the burst that reached the last stage: the chains its CPU is divided by. */
  chains: number;
  burstProcesses: ProcessUsage[];
  /** CPU of the stages and the broker during the burst (its drain included) per chain. */
  cpuMsPerChain: CpuCost;
}

const FIRST = RELAY_STEPS[1] as string;
const LAST = RELAY_STEPS.at(-1) as string;
const BURST_BATCH = 100;

export async function runRelayBench(
  config: BenchConfig,
  pids: Map<string, number>,
  logger: Logger,
): Promise<RelayResult> {
  const kafka = createKafka({
    brokers: config.kafkaBrokers,
    security: kafkaSecurity(config),
    clientId: 'bench-relay',
    logger: quiet(logger),
  });
  const relay = await startRelay(kafka, config.kafkaBrokers);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 5,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const collectorGroup = `bench-relay-collector-${randomUUID()}`;
  const collector = kafka.consumer({ groupId: collectorGroup, maxWaitTimeInMs: 50 });
  const timelines = new Map<string, Timeline>();
  try {
    await producer.connect();
    await collector.connect();
    await collector.subscribe({ topics: relay.topics, fromBeginning: true });
    await collector.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        const step = relay.stepOf(batch.topic);
        for (const message of batch.messages) {
          const { id } = JSON.parse(String(message.value)) as { id: string };
          timelines.get(id)?.set(step, Number(message.timestamp));
        }
      },
    });
    const stagePids = new Map([
      ...pids,
      ...relay.stages.map((child, i) => [`${RELAY_STAGE_PREFIX}${i + 1}`, child.pid ?? 0] as const),
    ]);
    const sendOne = async (id: string) => {
      timelines.set(id, new Map([['send', Date.now()]]));
      await producer.send({ topic: relay.input, messages: [{ key: id, value: JSON.stringify({ id }) }], acks: -1 });
    };
    const drained = (ids: string[]) =>
      waitFor(() => ids.every((id) => timelines.get(id)?.has(LAST)), config.drainSeconds * 1000);

    const warmup = Array.from({ length: config.relayRate }, (_, i) => `warmup-${i}`);
    await openLoop(config.relayRate, 1000, config.maxInFlight, (i) => sendOne(`warmup-${i}`));
    await drained(warmup);

    const sampler = new PhaseSampler(stagePids);
    const ids = Array.from({ length: Math.max(1, config.relayRate * config.relaySeconds) }, (_, i) => `rate-${i}`);
    const arrivals = await openLoop(config.relayRate, config.relaySeconds * 1000, config.maxInFlight, (i) =>
      sendOne(`rate-${i}`),
    );
    await drained(ids);
    const processes = sampler.stop();
    const atRate = ids.flatMap((id) => (timelines.get(id)?.has(LAST) ? [timelines.get(id) as Timeline] : []));

    const burstIds = Array.from({ length: config.relayBurst }, (_, i) => `burst-${i}`);
    const burstSampler = new PhaseSampler(stagePids);
    for (const id of burstIds) timelines.set(id, new Map([['send', Date.now()]]));
    for (let i = 0; i < burstIds.length; i += BURST_BATCH) {
      const messages = burstIds.slice(i, i + BURST_BATCH).map((id) => ({ key: id, value: JSON.stringify({ id }) }));
      await producer.send({ topic: relay.input, messages, acks: -1 });
    }
    await drained(burstIds);
    const burstProcesses = burstSampler.stop();
    const doneAt = burstIds.flatMap((id) => timelines.get(id)?.get(LAST) ?? []);

    return {
      msgsPerSec: round(completionRate(doneAt)),
      rate: config.relayRate,
      sent: arrivals.sent,
      delivered: atRate.length,
      endToEndMs: percentiles(atRate.map((t) => (t.get(LAST) as number) - (t.get('send') as number))),
      relayMs: percentiles(atRate.map((t) => (t.get(LAST) as number) - (t.get(FIRST) as number))),
      hopMedianMs: hopMedians(RELAY_STEPS, atRate),
      processes,
      chains: doneAt.length,
      burstProcesses,
      cpuMsPerChain: cpuMsPer(burstProcesses, doneAt.length, isRelayProcess),
    };
  } finally {
    await Promise.allSettled([collector.disconnect(), producer.disconnect()]);
    await relay.stop([collectorGroup]);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
