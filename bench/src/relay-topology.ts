// The bare relay has the saga's shape: a first produce (PlaceOrder), then five consume → produce
// stages (OrderPlaced, StockReserved, PaymentCompleted, ShipmentScheduled, OrderConfirmed), each its
// own process and group, six partitions per topic, and the first event topic read by three groups as
// order.events is (inventory, payment, shipping). Its topics and groups are the bench's own, created
// for one run and deleted after it.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { SAGA_STEPS } from './hops';

const STAGE_SCRIPT = path.resolve(__dirname, '../dist/relay-stage.js');
/** The saga's steps, one relay topic each; the relay starts at its own send instead of a POST. */
export const RELAY_STEPS: readonly string[] = ['send', ...SAGA_STEPS.slice(1)];
const PARTITIONS = 6;
const JOIN_TIMEOUT_MS = 60_000;

export interface RelayTopology {
  /** Topic i carries the record of step i + 1 (topics[0] is the first produce). */
  topics: string[];
  /** The topic of the first produce. */
  input: string;
  /** The step a topic's records stand for. */
  stepOf(topic: string): string;
  stages: ChildProcess[];
  /** Stops the stages, then deletes the topics, the stages' groups and `groups` (the caller's). */
  stop(groups?: string[]): Promise<void>;
}

export async function startRelay(kafka: Kafka, brokers: string[]): Promise<RelayTopology> {
  const run = randomUUID().slice(0, 8);
  const topics = RELAY_STEPS.slice(1).map((step) => `bench.relay.${run}.${step}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
    waitForLeaders: true,
  });
  const stages: ChildProcess[] = [];
  const groups = topics.slice(1).map((_, i) => `bench.relay.${run}.stage${i + 1}`);
  const stop = async (extraGroups: string[] = []) => {
    await Promise.all(stages.map(stopChild));
    // Best effort: the run's figures are taken; what is left expires with the broker's retention.
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.deleteGroups([...groups, ...extraGroups]).catch(() => undefined);
    await admin.disconnect();
  };
  try {
    const joins: Promise<void>[] = [];
    for (let i = 1; i < topics.length; i++) {
      // Stages 3 and 4 (payment's and shipping's places) also read topic 1, as their services read order.events.
      const drop = i === 3 || i === 4 ? topics[1] : '';
      const env = { ...process.env, KAFKA_BROKERS: brokers.join(','), RELAY_IN: topics[i - 1], RELAY_OUT: topics[i] };
      const child = fork(STAGE_SCRIPT, [], {
        // Not the parent's flags (a test runner's); kafkajs 2.2 trips a harmless Node 24 timer warning.
        execArgv: ['--disable-warning=TimeoutNegativeWarning'],
        env: { ...env, RELAY_DROP: drop, RELAY_GROUP: groups[i - 1] ?? '' },
      });
      stages.push(child);
      joins.push(joined(child));
    }
    await Promise.all(joins);
  } catch (error) {
    await stop();
    throw error;
  }
  const stepOf = (topic: string) => RELAY_STEPS[topics.indexOf(topic) + 1] ?? topic;
  return { topics, input: topics[0] as string, stepOf, stages, stop };
}

function joined(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a relay stage did not join its group in time')), JOIN_TIMEOUT_MS);
    child.once('message', () => (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`a relay stage exited with ${code}`))));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill('SIGTERM');
  });
}
