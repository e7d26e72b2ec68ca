// One place to make test clients against the test stack: random topic and group names so tests
// never see each other's records, and cleanup registered with jest so nothing is left connected.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import {
  AvroSerde,
  RegistryClient,
  createKafka,
  createLogger,
  kafkaSecurity,
  kafkaSettings,
  loadCatalog,
  loadConfig,
  type Logger,
} from '@saga/shared';

export const testLogger: Logger = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');

export function stackEndpoints(): { brokers: string[]; registryUrl: string; zipkinUrl: string } {
  const brokers = process.env.KAFKA_BROKERS;
  const registryUrl = process.env.SCHEMA_REGISTRY_URL;
  if (!brokers || !registryUrl)
    throw new Error('KAFKA_BROKERS/SCHEMA_REGISTRY_URL unset: is the integration global setup running?');
  // A stack given without TEST_ZIPKIN_URL: Zipkin's default port, where `make infra-up` runs it. Spans
  // sent where nothing listens are dropped by the exporter; they fail no test that does not look for them.
  const zipkinUrl = process.env.TEST_ZIPKIN_URL ?? 'http://127.0.0.1:9411';
  return { brokers: brokers.split(','), registryUrl, zipkinUrl };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Runs `cleanup` after the test file, whatever happened. */
export function onCleanup(cleanup: () => Promise<unknown>): void {
  cleanups.push(cleanup);
}

/** A client of the test stack as the admin principal (global-setup exports its credentials), or as `as`. */
export function testKafka(as: { username: string; password: string } | undefined = undefined): Kafka {
  const env = as ? { ...process.env, KAFKA_SASL_USERNAME: as.username, KAFKA_SASL_PASSWORD: as.password } : process.env;
  return createKafka({
    brokers: stackEndpoints().brokers,
    security: kafkaSecurity(loadConfig(kafkaSettings, env), env),
    clientId: uniqueName('test'),
    logger: testLogger,
    retry: { retries: 3 },
  });
}

export function testSerde(): AvroSerde {
  return new AvroSerde(new RegistryClient(stackEndpoints().registryUrl), loadCatalog());
}

export async function createTopic(kafka: Kafka, partitions = 1): Promise<string> {
  const topic = uniqueName('test-topic');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await admin.disconnect();
  return topic;
}

export async function connectedProducer(
  kafka: Kafka,
  options: Parameters<Kafka['producer']>[0] = {},
): Promise<Producer> {
  const producer = kafka.producer(options);
  await producer.connect();
  onCleanup(() => producer.disconnect());
  return producer;
}

/**
 * Reads `topic` from the beginning in a fresh group until `count` records arrived, or until `done`
 * says the records read so far are enough; fails after `timeoutMs`.
 */
export async function readRecords(
  kafka: Kafka,
  topic: string,
  count: number | ((records: KafkaMessage[]) => boolean),
  options: { timeoutMs?: number; readUncommitted?: boolean } = {},
): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({
    groupId: uniqueName('test-group'),
    readUncommitted: options.readUncommitted ?? false,
  });
  await consumer.connect();
  const records: KafkaMessage[] = [];
  const done = typeof count === 'number' ? () => records.length >= count : count;
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read only ${records.length} records from ${topic} in time`)),
        options.timeoutMs ?? 30_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          records.push(message);
          if (done(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/**
 * Polling with a bound, as every caller of the system waits: the client's, so a test and a scenario wait
 * alike (a probe that throws counts as "not yet"; the timeout names the last error).
 */
export { eventually } from '@saga/client';
