// `npm run dlt -- list|show|replay`: inspect a consumer group's dead letters and re-publish chosen
// ones to their original topic once the cause is fixed. Replaying an already-processed event is a
// no-op for the consumer (its inbox has the eventId).
//   npm run dlt -- list <group>
//   npm run dlt -- show <group> <offset>
//   npm run dlt -- replay <group> <offset> [<offset> ...]
import type { KafkaMessage } from 'kafkajs';
import {
  DeadLetterHeaders,
  createKafka,
  createLogger,
  deadLetterTopic,
  loadConfig,
  platformSettings,
  producerConfig,
} from '@saga/shared';

const config = loadConfig(platformSettings);
const logger = createLogger('dlt', config.logLevel === 'info' ? 'warn' : config.logLevel);
const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'dlt-cli', logger });

function headers(message: KafkaMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value ?? '')]));
}

/** Reads the whole dead-letter topic (one partition) from the beginning up to its current end. */
async function readAll(topic: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const [end] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const high = Number(end?.high ?? 0);
  const low = Number(end?.low ?? 0);
  if (high <= low) return [];
  const consumer = kafka.consumer({ groupId: `dlt-cli-${process.pid}-${Date.now()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        messages.push(message);
        if (Number(message.offset) >= high - 1) resolve();
      },
    });
  });
  await consumer.disconnect();
  return messages;
}

function summary(message: KafkaMessage): string {
  const h = headers(message);
  return [
    message.offset.padStart(6),
    h[DeadLetterHeaders.failedAt],
    `${h[DeadLetterHeaders.originalTopic]}/${h[DeadLetterHeaders.originalPartition]}@${h[DeadLetterHeaders.originalOffset]}`,
    `key=${message.key?.toString() ?? ''}`,
    h[DeadLetterHeaders.errorType],
    h[DeadLetterHeaders.errorMessage]?.slice(0, 120),
  ].join('  ');
}

async function replay(messages: KafkaMessage[]): Promise<void> {
  const producer = kafka.producer(producerConfig(1));
  await producer.connect();
  try {
    for (const message of messages) {
      const original = headers(message);
      const topic = original[DeadLetterHeaders.originalTopic];
      if (!topic)
        throw new Error(`dead letter at offset ${message.offset} has no ${DeadLetterHeaders.originalTopic} header`);
      const kept = Object.fromEntries(Object.entries(original).filter(([name]) => !name.startsWith('dlt.')));
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { key: message.key, value: message.value, headers: { ...kept, 'dlt.replayed.from': message.offset } },
        ],
      });
      console.log(`replayed offset ${message.offset} to ${topic}`);
    }
  } finally {
    await producer.disconnect();
  }
}

async function run([command, group, ...offsets]: string[]): Promise<void> {
  if (!command || !group) throw new Error('usage: dlt list|show|replay <consumer-group> [offset ...]');
  const messages = await readAll(deadLetterTopic(group));
  const chosen = (wanted: string[]) => {
    const found = messages.filter((message) => wanted.includes(message.offset));
    const missing = wanted.filter((offset) => !found.some((message) => message.offset === offset));
    if (missing.length > 0)
      throw new Error(`no dead letter at offset(s) ${missing.join(', ')} in ${deadLetterTopic(group)}`);
    return found;
  };
  if (command === 'list') {
    console.log(messages.length === 0 ? `${deadLetterTopic(group)} is empty` : messages.map(summary).join('\n'));
  } else if (command === 'show') {
    for (const message of chosen(offsets)) {
      console.log(
        JSON.stringify(
          {
            offset: message.offset,
            key: message.key?.toString(),
            headers: headers(message),
            valueBase64: message.value?.toString('base64'),
          },
          null,
          2,
        ),
      );
    }
  } else if (command === 'replay') {
    await replay(chosen(offsets));
  } else {
    throw new Error(`unknown command ${command}: use list, show or replay`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
