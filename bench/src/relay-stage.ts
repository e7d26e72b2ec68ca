// `node bench/dist/relay-stage.js`: one stage of the bare relay, a child process like a saga
// service. It consumes its input topic in its own group and forwards every record to its output topic:
// JSON in, JSON out, no Avro, no store, no inbox or outbox, one produce per fetched batch (the
// cheapest correct kafkajs relay). It also reads the topics in RELAY_DROP and drops them, to mirror
// a service group that reads a fanned-out topic. Tells its parent over IPC once its group is joined.
import { CompressionTypes, Partitioners } from 'kafkajs';
import { createKafka, createLogger, formats, kafkaSecurity, kafkaSettings, loadConfig, setting } from '@saga/shared';

const config = loadConfig({
  ...kafkaSettings,
  input: setting('RELAY_IN', 'topic to forward from', '', formats.string),
  output: setting('RELAY_OUT', 'topic to forward to', '', formats.string),
  drop: setting('RELAY_DROP', 'topics read and dropped', [] as string[], formats.list),
  group: setting('RELAY_GROUP', 'consumer group of this stage', '', formats.string),
});

async function run(): Promise<void> {
  // 'error': kafkajs warns that the shared client's bounded retries weaken idempotence; known, as in the saga.
  const logger = createLogger(config.group, 'error');
  const kafka = createKafka({
    brokers: config.kafkaBrokers,
    security: kafkaSecurity(config),
    clientId: config.group,
    logger,
  });
  // The same delivery settings as the saga's publisher: idempotent, acks from all replicas, murmur2.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 5,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: config.group, maxWaitTimeInMs: 50 });
  consumer.on(consumer.events.GROUP_JOIN, () => process.send?.({ joined: config.group }));
  const stop = async () => {
    await consumer.disconnect();
    await producer.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [config.input, ...config.drop], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      if (batch.topic !== config.input || batch.messages.length === 0) return;
      const messages = batch.messages.map((message) => {
        const record = JSON.parse(String(message.value)) as Record<string, unknown>;
        return { key: message.key, value: JSON.stringify({ ...record, stage: config.group }) };
      });
      await producer.send({ topic: config.output, messages, acks: -1, compression: CompressionTypes.None });
    },
  });
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
