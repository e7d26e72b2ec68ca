// A service process started after the one that committed: it drains the outbox that one left in the
// SQLite file, with tracing on as every process has it, then stops (exporting its spans) and exits.
// Runs the built library (shared/dist: `make build` comes before the tests).
// Usage: node relay-restarted.cjs <sqlite file> <brokers>
const { startTracing } = require('../../dist/telemetry/tracing');
startTracing('relay-restarted');
const {
  createKafka,
  createLogger,
  kafkaSecurity,
  kafkaSettings,
  loadConfig,
  SagaMetrics,
  SqliteDatabase,
} = require('../../dist');
const { OutboxRelay } = require('../../dist/kafka/outbox-relay');
const { MESSAGING_MIGRATIONS, MessagingTables } = require('../../dist/store/messaging-tables');
const { flushTracing } = require('../../dist/telemetry/flush');

const [file, brokers] = process.argv.slice(2);
const logger = createLogger('relay-restarted', 'warn');

async function main() {
  const db = new SqliteDatabase(file, MESSAGING_MIGRATIONS.sqlite);
  const tables = new MessagingTables(db);
  // The test's credentials, from the environment it inherits (the admin principal).
  const security = kafkaSecurity(loadConfig(kafkaSettings));
  const kafka = createKafka({ brokers: brokers.split(','), security, clientId: 'relay-restarted', logger });
  const relay = new OutboxRelay(kafka, db, tables, { logger, metrics: new SagaMetrics('relay-restarted') });
  await relay.start();
  await relay.stop(); // publishes everything pending before it returns
  await db.close();
  await flushTracing();
}

main().catch((error) => {
  logger.fatal({ err: error }, 'relay failed');
  process.exit(1);
});
