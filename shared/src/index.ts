// The shared library's front door: services import from '@saga/shared' only.
export * from './errors';
export * from './config';
export * from './log';
export * from './topics';
export * from './envelope';
export * from './generated/events';
export { loadCatalog, SCHEMAS_DIR, type SchemaCatalog, type SchemaVersion } from './schemas/catalog';
export { checkCatalog, fullTransitiveProblems, formatProblem, readProblem } from './schemas/compatibility';
export { RegistryClient, SUBJECT_COMPATIBILITY } from './avro/registry-client';
export { AvroSerde, subjectFor, type DecodedEvent } from './avro/serde';
export { frame, unframe } from './avro/wire-format';
export { createKafka, type KafkaOptions } from './kafka/client';
export { EventPublisher, type OutgoingEvent } from './kafka/publisher';
export { EventConsumer, type EventContext, type Handler, type EventConsumerOptions } from './kafka/consumer';
export { DeadLetterHeaders, DeadLetterWriter } from './kafka/dead-letters';
export { backoffDelay, defaultBackoff, type BackoffPolicy } from './kafka/backoff';
export { applyTopics, waitForBroker, type ApplyResult } from './kafka/admin';
