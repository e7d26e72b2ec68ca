// Secrets that ride in records but belong only to the service that uses them (the payment token is the
// payment service's, to charge with): every log line, view and listing shows a fixed marker instead.
// One list of field names feeds both the views (redactSecrets) and the logger (SECRET_LOG_PATHS).
import type { EventMap, EventType } from './generated/events';

type FieldOf<T> = T extends unknown ? keyof T & string : never;

/**
 * The secret fields, by name, wherever they sit in a record. Typed against the generated event types,
 * so a field renamed in the .avsc files stops the build here; a new token-like field in a schema fails
 * shared/test/redaction.unit.test.ts until it is listed or judged not secret there.
 */
export const SECRET_FIELDS = ['paymentToken'] as const satisfies readonly FieldOf<EventMap[EventType]>[];

/**
 * What a secret's value is replaced with. A fixed marker, not a masked tail: a token is a bearer
 * credential, not a card number, and the demo's tokens are short (`tok_visa`), so "last four" would show
 * most of one; the marker still says a token was there, and no view needs to tell tokens apart.
 */
export const REDACTED = '[redacted]';

const secret: ReadonlySet<string> = new Set(SECRET_FIELDS);

/**
 * A copy of `value` with every secret field, at any depth and in arrays, set to REDACTED. Decoded Avro
 * records are class instances, so any object is walked, except bytes and dates, which hold no fields.
 * The input is never changed: a dead letter's original bytes, for one, are still what a replay sends.
 */
export function redactSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecrets(item)) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [name, secret.has(name) ? REDACTED : redactSecrets(field)]),
  ) as T;
}

/**
 * How deep the logger looks. pino compiles its redaction paths up front and a `*` matches one level
 * only, so each depth is one more path; five covers a record logged inside a context object
 * (`{ record: { value: { paymentToken } } }` is depth 2) with room to spare.
 */
const LOG_DEPTH = 5;

/** pino `redact` paths for every secret field, at the top of a log line and up to LOG_DEPTH levels down. */
export const SECRET_LOG_PATHS: readonly string[] = SECRET_FIELDS.flatMap((field) =>
  Array.from({ length: LOG_DEPTH + 1 }, (_, depth) => [...Array<string>(depth).fill('*'), field].join('.')),
);
