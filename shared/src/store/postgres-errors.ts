// What a PostgreSQL failure means for the runtime: an outage or a lost race is retriable (the record is
// held and handled again), anything else is the error it was (a broken constraint is a bug or bad data).
import { SagaError, StoreConflictError, StoreUnavailableError } from '../errors';

/** SQLSTATEs of a transaction PostgreSQL cancelled in favour of another: run it again. */
const CONFLICTS = new Set(['40001', '40P01']);
/** SQLSTATE classes and codes of a server going away or refusing work for now. */
const UNAVAILABLE_CLASSES = ['08', '53', '57P'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function storeErrorOf(error: unknown): unknown {
  if (error instanceof SagaError || typeof error !== 'object' || error === null) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code === 'string') {
    if (CONFLICTS.has(code)) return new StoreConflictError(`database: ${text}`, { cause: error });
    if (NETWORK_CODES.has(code) || UNAVAILABLE_CLASSES.some((prefix) => code.startsWith(prefix))) {
      return new StoreUnavailableError(`database unavailable: ${text}`, { cause: error });
    }
  }
  // node-postgres reports a socket closed under it by message only.
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(text)) {
    return new StoreUnavailableError(`database unavailable: ${text}`, { cause: error });
  }
  return error;
}

/** Whether `error` is PostgreSQL's unique violation of `constraint` (a race lost to another writer). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}
