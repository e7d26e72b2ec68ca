// Idempotency-Key (IETF httpapi draft) for POST /orders: a retried request with the same key and body
// gets the first answer and publishes nothing; the same key with another body is refused. Keys live in
// SQLite so a restart does not turn a client's retry into a second order.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EVENT_RETENTION_MS, type SqliteDatabase } from '@saga/shared';
import { HttpProblem } from './problem';

export const IDEMPOTENCY_MIGRATIONS = [
  `CREATE TABLE idempotency_keys (
     key          TEXT PRIMARY KEY,
     request_hash TEXT NOT NULL,
     order_id     TEXT NOT NULL,
     completed    INTEGER NOT NULL DEFAULT 0,
     created_at   INTEGER NOT NULL,
     claimed_at   INTEGER NOT NULL
   );
   CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,
];

/**
 * How long a key is remembered; a retry after that is a new request (the draft leaves this to us). As
 * long as the topics keep the order's records: past that the order is no longer part of the event
 * history either, and a client that retries a week later is placing a new order in all but name.
 */
export const KEY_RETENTION_MS = EVENT_RETENTION_MS;
/** A claim not completed by then belongs to a process that died mid-request: the retry takes it over. */
export const CLAIM_LEASE_MS = 30_000;

// 1-255 printable ASCII characters without `"` or `\`, sent as a Structured Field string (`"abc"`,
// as the draft asks) or as a bare token (as most clients do).
const KEY = String.raw`[\x21\x23-\x5b\x5d-\x7e][\x20\x21\x23-\x5b\x5d-\x7e]{0,254}`;

/** The Idempotency-Key header as the OpenAPI document describes it and parseIdempotencyKey checks it. */
export const idempotencyKeyHeader = z
  .string()
  .regex(new RegExp(`^(?:"${KEY}"|${KEY})$`))
  .meta({
    description:
      'Makes POST /orders safe to retry: the same key with the same body answers as the first time ' +
      `(Idempotent-Replayed: true) and places nothing new; keys are kept ${KEY_RETENTION_MS / 3_600_000} h.`,
    example: '"order-2025-0001"',
  });

/** The key without its quotes; undefined when the header is absent. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!idempotencyKeyHeader.safeParse(header).success) {
    throw new HttpProblem('badIdempotencyKey', 'Idempotency-Key must be 1-255 printable ASCII characters');
  }
  return header.startsWith('"') ? header.slice(1, -1) : header;
}

/** JSON with object keys sorted at every level, so key order never changes a request's identity. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export type Claim =
  /** The caller owns the key: publish, then complete() — or release() if publishing failed. */
  | { kind: 'claimed'; orderId: string }
  /** Done before with the same body: answer as then. */
  | { kind: 'replay'; orderId: string }
  /** Another request with this key is being handled right now. */
  | { kind: 'in-flight' }
  /** The key was used for a different body. */
  | { kind: 'mismatch' };

export interface IdempotencyStore {
  claim(key: string, hash: string, newOrderId: string, now?: number): Promise<Claim>;
  complete(key: string): Promise<void>;
  release(key: string): Promise<void>;
}

interface KeyRow {
  request_hash: string;
  order_id: string;
  completed: 0 | 1;
  created_at: number;
  claimed_at: number;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly database: SqliteDatabase) {}

  claim(key: string, hash: string, newOrderId: string, now: number = Date.now()): Promise<Claim> {
    return this.database.transaction((): Claim => {
      const database = this.database;
      database
        .prepared('DELETE FROM idempotency_keys WHERE key = ? AND created_at < ?')
        .run(key, now - KEY_RETENTION_MS);
      const row = database.prepared('SELECT * FROM idempotency_keys WHERE key = ?').get(key) as KeyRow | undefined;
      if (!row) {
        database
          .prepared(
            'INSERT INTO idempotency_keys (key, request_hash, order_id, created_at, claimed_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(key, hash, newOrderId, now, now);
        return { kind: 'claimed', orderId: newOrderId };
      }
      if (row.request_hash !== hash) return { kind: 'mismatch' };
      if (row.completed) return { kind: 'replay', orderId: row.order_id };
      if (now - row.claimed_at < CLAIM_LEASE_MS) return { kind: 'in-flight' };
      // Take over with the same order id: if the dead process did publish, the order service
      // ignores the second PlaceOrder for that id, so the order is still placed once.
      database.prepared('UPDATE idempotency_keys SET claimed_at = ? WHERE key = ?').run(now, key);
      return { kind: 'claimed', orderId: row.order_id };
    });
  }

  async complete(key: string): Promise<void> {
    await this.database.transaction(() => {
      this.database.prepared('UPDATE idempotency_keys SET completed = 1 WHERE key = ?').run(key);
    });
  }

  async release(key: string): Promise<void> {
    await this.database.transaction(() => {
      this.database.prepared('DELETE FROM idempotency_keys WHERE key = ? AND completed = 0').run(key);
    });
  }

  /** Forgets keys past retention; called at start and hourly (claim() also ignores an expired key). */
  async purgeExpired(now: number = Date.now()): Promise<number> {
    return this.database.transaction(
      () =>
        this.database.prepared('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - KEY_RETENTION_MS).changes,
    );
  }
}
