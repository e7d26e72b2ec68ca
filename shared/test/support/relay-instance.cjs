// One instance's outbox relay in a process of its own, so that a test can SIGKILL it in the middle of a
// drain, as a crash would. Runs the built library (shared/dist: `make build` comes before the tests).
// Usage: node relay-instance.cjs <DATABASE_URL> <brokers> <batch size>
const { createKafka, createLogger, kafkaSecurity, kafkaSettings, loadConfig, SagaMetrics } = require('../../dist');
const { OutboxRelay } = require('../../dist/kafka/outbox-relay');
const { PostgresDatabase } = require('../../dist/store/postgres');
const { MessagingTables } = require('../../dist/store/messaging-tables');
const { PostgresRelayLease } = require('../../dist/store/relay-lease');

const [url, brokers, batchSize] = process.argv.slice(2);
const logger = createLogger('relay-instance', 'info');
const db = new PostgresDatabase({ url, migrations: [], logger });
// The test's credentials, from the environment it inherits (the admin principal).
const security = kafkaSecurity(loadConfig(kafkaSettings));
const kafka = createKafka({ brokers: brokers.split(','), security, clientId: 'relay-instance', logger });
const relay = new OutboxRelay(kafka, db, new MessagingTables(db), {
  logger,
  metrics: new SagaMetrics('relay-instance'),
  batchSize: Number(batchSize),
  lease: new PostgresRelayLease(url, logger, () => relay.notify()),
});
relay.start().catch((error) => {
  logger.fatal({ err: error }, 'relay failed to start');
  process.exit(1);
});
