// `node infra/dist/apply-topics.js`: waits for the broker, then applies shared/src/topics.ts.
// Run by the native stack launcher and by the compose `topic-init` service alike.
import {
  TopicSpecs,
  applyTopics,
  createKafka,
  createLogger,
  loadConfig,
  platformSettings,
  waitForBroker,
} from '@saga/shared';

async function run(): Promise<void> {
  const config = loadConfig({ kafkaBrokers: platformSettings.kafkaBrokers, logLevel: platformSettings.logLevel });
  const logger = createLogger('topic-init', config.logLevel);
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'topic-init', logger });
  await waitForBroker(kafka, 60_000);
  const result = await applyTopics(kafka, TopicSpecs);
  logger.info(
    result,
    `topics applied: ${result.created.length} created, ${result.grown.length} grown, ${result.unchanged.length} unchanged`,
  );
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
