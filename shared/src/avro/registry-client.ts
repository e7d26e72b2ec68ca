// The only code that talks to the schema registry. Uses the Confluent REST API (served by Apicurio's
// ccompat layer natively and by Confluent's registry in compose) through
// @kafkajs/confluent-schema-registry, and turns its errors into typed, retriable-or-not SagaErrors.
import { SchemaRegistry, COMPATIBILITY } from '@kafkajs/confluent-schema-registry';
import type { Schema as AvroSchema } from 'avsc';
import {
  RegistryRejectedError,
  RegistryUnavailableError,
  SchemaIncompatibleError,
  UnknownSchemaIdError,
  type SagaError,
} from '../errors';

/** FULL_TRANSITIVE: old and new readers read every version ever written (see docs/architecture.md, Schemas and compatibility). */
export const SUBJECT_COMPATIBILITY = COMPATIBILITY.FULL_TRANSITIVE;

/**
 * The registry client has no deadline of its own: a registry that accepts a connection and never
 * answers would hold the record being decoded, and its partition, forever, without a word in the log.
 */
const REQUEST_TIMEOUT_MS = 10_000;
const CLIENT_ID = 'saga-reference';

// mappersmith reports a refused or dropped connection as a status-400 response with no body.
const NETWORK_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN|ENOTFOUND|socket hang up|timeout/i;

interface HttpError {
  status?: number;
  message?: string;
}

function classify(error: unknown, what: string): SagaError {
  const { status, message = String(error) } = (error ?? {}) as HttpError;
  if (status === undefined || status >= 500 || status === 408 || status === 429 || NETWORK_FAILURE.test(message)) {
    return new RegistryUnavailableError(`schema registry unavailable while ${what}: ${message}`, { cause: error });
  }
  if (status === 409) {
    // The client prefixes its id ("saga-reference - "); the rest is the registry's own words.
    const registryMessage = message.replace(`${CLIENT_ID} - `, '');
    return new SchemaIncompatibleError(
      `registry refused ${what} (HTTP 409): incompatible with earlier versions: ${registryMessage}`,
      { status, message: registryMessage },
      { cause: error },
    );
  }
  return new RegistryRejectedError(`registry refused ${what} (HTTP ${status}): ${message}`, status, { cause: error });
}

/**
 * Apicurio's 409 "rule already exists": another process set the subject's rule first. Several instances
 * starting at once register the same new subject, and the rule one of them is setting may not read
 * back yet (seen: 1-4 of 12 processes failing on every three-instance start).
 */
function isRuleRace(error: unknown): boolean {
  const { status, message = '' } = (error ?? {}) as HttpError;
  return status === 409 && /already exists/i.test(message);
}

/** Retriable: the next attempt finds the rule set and the schema registered or registrable. */
function ruleRace(what: string, cause: unknown): RegistryUnavailableError {
  return new RegistryUnavailableError(`${what}: another process is setting the subject's rule`, { cause });
}

/** Rejects with a timeout (classified as unavailable, so retried) if `call` has not settled in time. */
function withDeadline<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timeout: no answer within ${REQUEST_TIMEOUT_MS} ms ${what}`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

export class RegistryClient {
  private readonly client: SchemaRegistry;

  constructor(readonly url: string) {
    // Retries stay with the caller, which knows whether it is starting up or handling a record.
    this.client = new SchemaRegistry({ host: url, clientId: CLIENT_ID, retry: { retries: 0 } });
  }

  /** Registers (or finds) `schema` under `subject`, pinning the subject's compatibility. */
  async register(subject: string, schema: AvroSchema): Promise<number> {
    const what = `registering ${subject}`;
    try {
      return await this.registerOnce(subject, schema);
    } catch (error) {
      if ((error as HttpError | undefined)?.status === 409) {
        // A retried first registration can race the one that timed out: both find the subject new and
        // set its rule after registering, and Apicurio refuses the second rule ("already exists"). If
        // the schema is there under the rule we pin, that 409 was the race, not an incompatible schema.
        const registered = await this.registeredUnderOurRule(subject, schema);
        if (registered !== undefined) return registered;
        if (isRuleRace(error)) throw ruleRace(what, error);
      }
      // The client registers a new subject's first schema and only then sets its rule: a start that
      // died in between (a registry slow to answer on a busy machine) leaves the subject at the
      // registry's default, and the client refuses it on every later start. Pin the rule and go on.
      if ((error as Error | undefined)?.name !== 'ConfluentSchemaRegistryCompatibilityError')
        throw classify(error, what);
    }
    try {
      await withDeadline(this.pinCompatibility(subject), what);
      return await this.registerOnce(subject, schema);
    } catch (error) {
      throw isRuleRace(error) ? ruleRace(what, error) : classify(error, what);
    }
  }

  private async registerOnce(subject: string, schema: AvroSchema): Promise<number> {
    const registration = this.client.register(
      { type: 'AVRO' as never, schema: JSON.stringify(schema) },
      { subject, compatibility: SUBJECT_COMPATIBILITY },
    );
    return (await withDeadline(registration, `registering ${subject}`)).id;
  }

  /** The id of `schema` under `subject` if it is registered there and the subject has our rule; else undefined. */
  private async registeredUnderOurRule(subject: string, schema: AvroSchema): Promise<number | undefined> {
    try {
      const config = await fetch(`${this.url}/config/${encodeURIComponent(subject)}`);
      const rule = config.ok
        ? ((await config.json()) as { compatibilityLevel?: string }).compatibilityLevel
        : undefined;
      if (rule?.toUpperCase() !== SUBJECT_COMPATIBILITY) return undefined;
      const lookup = this.client.getRegistryIdBySchema(subject, {
        type: 'AVRO' as never,
        schema: JSON.stringify(schema),
      });
      return await withDeadline(lookup, `looking up ${subject}`);
    } catch {
      return undefined; // not registered, or the registry cannot tell: the original 409 stands
    }
  }

  private async pinCompatibility(subject: string): Promise<void> {
    const response = await fetch(`${this.url}/config/${encodeURIComponent(subject)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ compatibility: SUBJECT_COMPATIBILITY }),
    });
    if (!response.ok) {
      const error = new Error(`setting ${SUBJECT_COMPATIBILITY}: ${await response.text()}`) as Error & HttpError;
      error.status = response.status;
      throw error;
    }
  }

  /** The writer schema behind a schema id, as JSON. */
  async schemaById(schemaId: number): Promise<AvroSchema> {
    try {
      const type = (await withDeadline(
        this.client.getSchema(schemaId),
        `fetching schema id ${schemaId}`,
      )) as unknown as {
        schema(): AvroSchema;
      };
      return type.schema();
    } catch (error) {
      if ((error as HttpError).status === 404) throw new UnknownSchemaIdError(schemaId);
      throw classify(error, `fetching schema id ${schemaId}`);
    }
  }
}
