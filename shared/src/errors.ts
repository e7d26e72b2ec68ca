// Every error the system raises is a SagaError: a stable `code` from one closed list, and a
// `retriable` flag the runtime acts on (back off and retry, or dead-letter and move on).

export const ErrorCodes = {
  CONFIG_INVALID: 'SAGA_CONFIG_INVALID',
  SCHEMA_INVALID: 'SAGA_SCHEMA_INVALID',
  SCHEMA_INCOMPATIBLE: 'SAGA_SCHEMA_INCOMPATIBLE',
  SCHEMA_NOT_REGISTERED: 'SAGA_SCHEMA_NOT_REGISTERED',
  REGISTRY_UNAVAILABLE: 'SAGA_REGISTRY_UNAVAILABLE',
  REGISTRY_REJECTED: 'SAGA_REGISTRY_REJECTED',
  DECODE_FAILED: 'SAGA_DECODE_FAILED',
  UNKNOWN_SCHEMA_ID: 'SAGA_UNKNOWN_SCHEMA_ID',
  UNEXPECTED_EVENT_TYPE: 'SAGA_UNEXPECTED_EVENT_TYPE',
  ENCODE_FAILED: 'SAGA_ENCODE_FAILED',
  BROKER_UNAVAILABLE: 'SAGA_BROKER_UNAVAILABLE',
  TOPIC_MISCONFIGURED: 'SAGA_TOPIC_MISCONFIGURED',
  BUSINESS_RULE: 'SAGA_BUSINESS_RULE',
  PROVIDER_UNAVAILABLE: 'SAGA_PROVIDER_UNAVAILABLE',
  PROVIDER_REJECTED: 'SAGA_PROVIDER_REJECTED',
  CIRCUIT_OPEN: 'SAGA_CIRCUIT_OPEN',
  TRANSACTION_YIELDED: 'SAGA_TRANSACTION_YIELDED',
  DUPLICATE_DELIVERY: 'SAGA_DUPLICATE_DELIVERY',
  CONCURRENT_APPEND: 'SAGA_CONCURRENT_APPEND',
  STORE_UNAVAILABLE: 'SAGA_STORE_UNAVAILABLE',
  STORE_CONFLICT: 'SAGA_STORE_CONFLICT',
  INVARIANT_BROKEN: 'SAGA_INVARIANT_BROKEN',
  UNEXPECTED_STATUS: 'SAGA_UNEXPECTED_STATUS',
  WAIT_TIMED_OUT: 'SAGA_WAIT_TIMED_OUT',
  AUTH_INVALID_TOKEN: 'SAGA_AUTH_INVALID_TOKEN',
  AUTH_FORBIDDEN: 'SAGA_AUTH_FORBIDDEN',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export abstract class SagaError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly retriable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends SagaError {
  static readonly code = ErrorCodes.CONFIG_INVALID;
  readonly code = ConfigError.code;
  readonly retriable = false;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export class SchemaInvalidError extends SagaError {
  static readonly code = ErrorCodes.SCHEMA_INVALID;
  readonly code = SchemaInvalidError.code;
  readonly retriable = false;
}

/**
 * A schema change that readers or writers of an earlier version could not handle. `registry` holds the
 * registry's own answer when it was the registry that refused (HTTP 409), so callers can show it as is.
 */
export class SchemaIncompatibleError extends SagaError {
  static readonly code = ErrorCodes.SCHEMA_INCOMPATIBLE;
  readonly code = SchemaIncompatibleError.code;
  readonly retriable = false;
  constructor(
    message: string,
    readonly registry?: { status: number; message: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Raised when producing a type the serde was not started with: a wiring bug, not an outage. */
export class SchemaNotRegisteredError extends SagaError {
  static readonly code = ErrorCodes.SCHEMA_NOT_REGISTERED;
  readonly code = SchemaNotRegisteredError.code;
  readonly retriable = false;
}

export class RegistryUnavailableError extends SagaError {
  static readonly code = ErrorCodes.REGISTRY_UNAVAILABLE;
  readonly code = RegistryUnavailableError.code;
  readonly retriable = true;
}

/** The registry answered and said no (e.g. 409 incompatible, 422 invalid schema). */
export class RegistryRejectedError extends SagaError {
  static readonly code = ErrorCodes.REGISTRY_REJECTED;
  readonly code = RegistryRejectedError.code;
  readonly retriable = false;
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bytes that are not Confluent-framed Avro of a known schema. Retrying cannot help: dead-letter. */
export class DecodeError extends SagaError {
  static readonly code: ErrorCode = ErrorCodes.DECODE_FAILED;
  readonly code: ErrorCode = DecodeError.code;
  readonly retriable = false;
}

export class UnknownSchemaIdError extends DecodeError {
  static override readonly code = ErrorCodes.UNKNOWN_SCHEMA_ID;
  override readonly code = UnknownSchemaIdError.code;
  constructor(readonly schemaId: number) {
    super(`schema id ${schemaId} is not known to the registry`);
  }
}

/** A well-formed record of a type this consumer has no reader schema for on that topic. */
export class UnexpectedEventTypeError extends DecodeError {
  static override readonly code = ErrorCodes.UNEXPECTED_EVENT_TYPE;
  override readonly code = UnexpectedEventTypeError.code;
}

export class EncodeError extends SagaError {
  static readonly code = ErrorCodes.ENCODE_FAILED;
  readonly code = EncodeError.code;
  readonly retriable = false;
}

export class BrokerUnavailableError extends SagaError {
  static readonly code = ErrorCodes.BROKER_UNAVAILABLE;
  readonly code = BrokerUnavailableError.code;
  readonly retriable = true;
}

export class TopicMisconfiguredError extends SagaError {
  static readonly code = ErrorCodes.TOPIC_MISCONFIGURED;
  readonly code = TopicMisconfiguredError.code;
  readonly retriable = false;
}

/** A well-formed event or command that breaks a business rule (e.g. restocking an unknown sku). */
export class BusinessRuleError extends SagaError {
  static readonly code = ErrorCodes.BUSINESS_RULE;
  readonly code = BusinessRuleError.code;
  readonly retriable = false;
}

/** An external provider (payment, carrier) is down, slow past its timeout, or answered 5xx/429. */
export class ProviderUnavailableError extends SagaError {
  static readonly code = ErrorCodes.PROVIDER_UNAVAILABLE;
  readonly code = ProviderUnavailableError.code;
  readonly retriable = true;
}

/** The provider answered a request we sent wrongly (a 4xx that is not a business outcome): a bug. */
export class ProviderRejectedError extends SagaError {
  static readonly code = ErrorCodes.PROVIDER_REJECTED;
  readonly code = ProviderRejectedError.code;
  readonly retriable = false;
}

/**
 * A provider's circuit breaker is open: calls fail fast until `retryAfterMs`, when one probe is let
 * through. The consumer pauses the partition until then instead of failing the order.
 */
export class CircuitOpenError extends SagaError {
  static readonly code = ErrorCodes.CIRCUIT_OPEN;
  readonly code = CircuitOpenError.code;
  readonly retriable = true;
  constructor(
    readonly breaker: string,
    readonly retryAfterMs: number,
  ) {
    super(`circuit breaker for ${breaker} is open; next probe in ${retryAfterMs} ms`);
  }
}

/** A transaction's work waited on I/O while holding the write lock: a bug in the handler, never retried. */
export class TransactionYieldedError extends SagaError {
  static readonly code = ErrorCodes.TRANSACTION_YIELDED;
  readonly code = TransactionYieldedError.code;
  readonly retriable = false;
}

/**
 * The event was already processed when its handler came to commit (found in the inbox inside the
 * transaction): the commit is rolled back and the delivery counted as a duplicate, not a failure.
 */
export class DuplicateDeliveryError extends SagaError {
  static readonly code = ErrorCodes.DUPLICATE_DELIVERY;
  readonly code = DuplicateDeliveryError.code;
  readonly retriable = false;
  constructor(readonly eventId: string) {
    super(`event ${eventId} was already processed`);
  }
}

/**
 * The code's own rule was broken: a handler emitting after its commit, a transaction opened inside
 * itself, an event recorded for an order that was never placed. A bug or corrupt state, never an outage:
 * not retriable, so the record that met it is dead-lettered with this message instead of blocking its
 * partition forever.
 */
export class InvariantError extends SagaError {
  static readonly code = ErrorCodes.INVARIANT_BROKEN;
  readonly code = InvariantError.code;
  readonly retriable = false;
}

/**
 * An HTTP answer a client of the system's public interfaces did not expect (the gateway's REST API, a
 * provider's admin API). Retriable when the server said so: a 5xx or a 429.
 */
export class UnexpectedStatusError extends SagaError {
  static readonly code = ErrorCodes.UNEXPECTED_STATUS;
  readonly code = UnexpectedStatusError.code;
  readonly retriable: boolean;
  constructor(
    readonly request: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${request} answered ${status}: ${body}`);
    this.retriable = status >= 500 || status === 429;
  }
}

/** A condition polled for (an order leaving PENDING, stock showing a restock) that did not hold in time. */
export class WaitTimedOutError extends SagaError {
  static readonly code = ErrorCodes.WAIT_TIMED_OUT;
  readonly code = WaitTimedOutError.code;
  readonly retriable = false;
}

export function isRetriable(error: unknown): boolean {
  if (error instanceof SagaError) return error.retriable;
  // kafkajs marks its own errors; anything else unknown is treated as a bug, not an outage.
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/**
 * An event stream grew between reading it and appending to it (another instance decided first): the
 * decision was made on a stale state. Retriable: read the stream again and decide again.
 */
export class ConcurrentAppendError extends SagaError {
  static readonly code = ErrorCodes.CONCURRENT_APPEND;
  readonly code = ConcurrentAppendError.code;
  readonly retriable = true;
}

/** The service's database cannot be reached (refused, dropped, shutting down): back off and retry. */
export class StoreUnavailableError extends SagaError {
  static readonly code = ErrorCodes.STORE_UNAVAILABLE;
  readonly code = StoreUnavailableError.code;
  readonly retriable = true;
}

/**
 * PostgreSQL gave up a transaction so that a concurrent one could go on (a deadlock, a serialization
 * failure): nothing of it holds, and running it again on the new state is the answer.
 */
export class StoreConflictError extends SagaError {
  static readonly code = ErrorCodes.STORE_CONFLICT;
  readonly code = StoreConflictError.code;
  readonly retriable = true;
}
