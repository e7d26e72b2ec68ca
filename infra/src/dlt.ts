// `npm run dlt -- list|show|replay`: inspect a consumer group's dead letters and re-publish chosen
// ones to their original topic once the cause is fixed. Replaying an already-processed event is a
// no-op for the consumer (its inbox has the eventId). The reading and replaying is shared with the
// workshop console (readDeadLetters / replayDeadLetters), so both replay the same way. `show` prints the
// value decoded through the registry with the payment token redacted, never the raw bytes, which hold it.
//   npm run dlt -- list <group>
//   npm run dlt -- show <group> <offset>
//   npm run dlt -- replay <group> <offset> [<offset> ...]
import {
  AvroSerde,
  DeadLetterHeaders,
  RegistryClient,
  chooseDeadLetters,
  createKafka,
  kafkaSecurity,
  createLogger,
  deadLetterTopic,
  loadCatalog,
  loadConfig,
  platformSettings,
  readDeadLetters,
  readingOf,
  replayDeadLetters,
  type DeadLetter,
} from '@saga/shared';

const config = loadConfig(platformSettings);
const logger = createLogger('dlt', config.logLevel === 'info' ? 'warn' : config.logLevel);
const kafka = createKafka({
  brokers: config.kafkaBrokers,
  security: kafkaSecurity(config),
  clientId: 'dlt-cli',
  logger,
});

function summary({ offset, headers: h, key }: DeadLetter): string {
  return [
    offset.padStart(6),
    h[DeadLetterHeaders.failedAt],
    `${h[DeadLetterHeaders.originalTopic]}/${h[DeadLetterHeaders.originalPartition]}@${h[DeadLetterHeaders.originalOffset]}`,
    `key=${key ?? ''}`,
    h[DeadLetterHeaders.errorType],
    h[DeadLetterHeaders.errorMessage]?.slice(0, 120),
  ].join('  ');
}

async function run([command, group, ...offsets]: string[]): Promise<void> {
  if (!command || !group) throw new Error('usage: dlt list|show|replay <consumer-group> [offset ...]');
  const letters = await readDeadLetters(kafka, group, 'dlt-cli');
  const chosen = (wanted: string[]) => {
    const { found, missing } = chooseDeadLetters(letters, wanted);
    if (missing.length > 0)
      throw new Error(`no dead letter at offset(s) ${missing.join(', ')} in ${deadLetterTopic(group)}`);
    return found;
  };
  if (command === 'list') {
    console.log(letters.length === 0 ? `${deadLetterTopic(group)} is empty` : letters.map(summary).join('\n'));
  } else if (command === 'show') {
    const serde = new AvroSerde(new RegistryClient(config.registryUrl), loadCatalog());
    for (const letter of chosen(offsets)) {
      const reading = await readingOf(letter, serde);
      console.log(JSON.stringify({ ...reading, key: reading.key ?? undefined }, null, 2));
    }
  } else if (command === 'replay') {
    for (const { offset, topic } of await replayDeadLetters(kafka, chosen(offsets))) {
      console.log(`replayed offset ${offset} to ${topic}`);
    }
  } else {
    throw new Error(`unknown command ${command}: use list, show or replay`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
