// `node infra/dist/apply-topics.js`: waits for the broker, then applies shared/src/topics.ts and the ACL
// table generated from the topology (shared/src/kafka/acls.ts), as the admin principal.
// Run by the native stack launcher and by the compose `topic-init` service alike, before the registry
// starts: the registry's own access to the broker is in that table.
import {
  Applications,
  TopicSpecs,
  applyAcls,
  applyTopics,
  createKafka,
  createLogger,
  kafkaAcls,
  kafkaSecurity,
  kafkaSettings,
  loadCatalog,
  loadConfig,
  platformSettings,
  waitForBroker,
} from '@saga/shared';

async function run(): Promise<void> {
  const config = loadConfig({ ...kafkaSettings, logLevel: platformSettings.logLevel });
  const logger = createLogger('topic-init', config.logLevel);
  const kafka = createKafka({
    brokers: config.kafkaBrokers,
    security: kafkaSecurity(config),
    clientId: 'topic-init',
    logger,
  });
  await waitForBroker(kafka, 60_000);
  const result = await applyTopics(kafka, TopicSpecs);
  logger.info(
    result,
    `topics applied: ${result.created.length} created, ${result.grown.length} grown, ${result.unchanged.length} unchanged`,
  );
  const catalog = loadCatalog();
  const topicOf = (type: string): string => {
    const schema = catalog.latest.get(type);
    if (!schema) throw new Error(`no schema for ${type} in the catalog`);
    return schema.topic;
  };
  const acls = await applyAcls(kafka, kafkaAcls({ applications: Applications, topicOf }));
  logger.info(acls, `ACLs applied: ${acls.created} created, ${acls.removed} removed, ${acls.unchanged} unchanged`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
