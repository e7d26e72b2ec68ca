// The shared library's front door: services import from '@saga/shared' only. It exports what the services,
// the gateway, the console and the tooling use; the runtime's own parts (relay, lock, inbox pruning, the
// messaging tables) stay inside, and the library's own tests reach them by path.
export * from './errors';
export * from './config';
export * from './log';
export { redactSecrets, REDACTED, SECRET_FIELDS } from './redaction';
export * from './topics';
export * from './topology';
export * from './envelope';
export * from './generated/events';
export { loadCatalog, SCHEMAS_DIR, type SchemaCatalog, type SchemaVersion } from './schemas/catalog';
export { checkCatalog, formatProblem } from './schemas/compatibility';
export { RegistryClient } from './avro/registry-client';
export { AvroSerde, subjectFor, type DecodedEvent } from './avro/serde';
export { frame } from './avro/wire-format';
export { createKafka, producerConfig, type KafkaOptions } from './kafka/client';
export { EventPublisher, RecordHeaders, recordHeaders, type OutgoingEvent } from './kafka/publisher';
export { EventConsumer, type EventContext, type Handler, type EventConsumerOptions } from './kafka/consumer';
export { DeadLetterHeaders } from './kafka/dead-letters';
export {
  chooseDeadLetters,
  readDeadLetters,
  readingOf,
  replayDeadLetters,
  type DeadLetter,
  type DeadLetterReading,
} from './kafka/dead-letter-review';
export { backoffDelay, defaultBackoff, type BackoffPolicy } from './kafka/backoff';
export { applyTopics, waitForBroker, type ApplyResult } from './kafka/admin';
export { kafkaAcls, RegistryKafkaResources, type AclEntry, type AclInputs } from './kafka/acls';
export { applyAcls, type AclApplyResult } from './kafka/apply-acls';
export {
  ADMIN_PRINCIPAL,
  KafkaPrincipals,
  devPassword,
  passwordOf,
  passwordVariable,
  type KafkaPrincipal,
} from './kafka/principals';
export { SagaMetrics, MetricNames } from './metrics';
export { SqliteDatabase } from './store/sqlite';
export { PostgresDatabase } from './store/postgres';
export { isUniqueViolation } from './store/postgres-errors';
export { databaseStartProblem } from './store/open-database';
export { refuseDevelopmentDatabasePassword } from './store/development-password';
export type { Dialect, GroupOutcome, Migrations, SqlDatabase, SqlParams } from './store/sql-database';
export { pendingRecordOf, type Outbox, type OutboxRecord, type PendingRecord, type PendingRow } from './store/outbox';
export { RecordTap, type TappedRecord } from './kafka/record-tap';
export {
  ProviderCallLifecycle,
  type CallStatuses,
  type CallStep,
  type CallTypes,
  type ProviderCallSpec,
} from './service/provider-call';
export { driveProviderCall } from './service/drive-provider-call';
export { SqlProviderCallStore, type ProviderCallStore } from './service/provider-call-store';
export { providerEndpoint, providerSettings } from './service/provider-settings';
export {
  ServiceMessaging,
  type Body,
  type Emitter,
  type Encoder,
  type HandlerContext,
  type UnitOfWork,
  type ServiceHandler,
} from './service/messaging';
export { opsRoutes, listen, close, type OpsApp, type ReadinessCheck } from './service/ops-server';
export { runProcess } from './service/run-process';
export { retryAtStart } from './service/start-retry';
export {
  ServiceRuntime,
  serviceSettings,
  type ServiceConfig,
  type ServiceRuntimeOptions,
} from './service/service-runtime';
export { ProviderApi, type ProviderEndpoint } from './providers/http';
export { ProviderBreaker, BreakerStates, type BreakerOptions } from './providers/circuit-breaker';
export { traceHeaders, withRecordTrace } from './telemetry/record-spans';
export { kafkaOffsets, type OffsetSource, type PartitionOffset, type PartitionRange } from './kafka/offsets';
export * from './auth';
