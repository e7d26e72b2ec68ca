// Idempotency-Key (IETF httpapi draft) for POST /orders: a retried request with the same key and body
// gets the first answer and publishes nothing; the same key with another body is refused. Keys are
// stored (gateway.sqlite, or the gateway's PostgreSQL schema) so a restart does not turn a client's
// retry into a second order.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EVENT_RETENTION_MS, type Migrations, type SqlDatabase } from '@saga/shared';
import { HttpProblem } from './problem';
import { TurnCommits } from './turn-commits';

export const IDEMPOTENCY_MIGRATIONS: Migrations = {
  sqlite: [
    `CREATE TABLE idempotency_keys (
       key          TEXT PRIMARY KEY,
       request_hash TEXT NOT NULL,
       order_id     TEXT NOT NULL,
       completed    INTEGER NOT NULL DEFAULT 0,
       created_at   INTEGER NOT NULL,
       claimed_at   INTEGER NOT NULL
     );
     CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,
  ],
  postgres: [
    `CREATE TABLE idempotency_keys (
       key          TEXT PRIMARY KEY,
       request_hash TEXT NOT NULL,
       order_id     TEXT NOT NULL,
       completed    INTEGER NOT NULL DEFAULT 0,
       created_at   BIGINT NOT NULL,
       claimed_at   BIGINT NOT NULL
     );
     CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,
  ],
};

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

/**
 * The claims, completions and releases of one event-loop turn are written in one transaction
 * (TurnCommits): concurrent requests share a commit instead of taking two each. Each call resolves only
 * once its transaction has committed, so a claim is stored before its command is published and a
 * completion before the request answers 202.
 */
export class SqlIdempotencyStore implements IdempotencyStore {
  private readonly writes: TurnCommits;

  constructor(private readonly db: SqlDatabase) {
    this.writes = new TurnCommits(db);
  }

  claim(key: string, hash: string, newOrderId: string, now: number = Date.now()): Promise<Claim> {
    return this.writes.commit(() => this.claimNow(key, hash, newOrderId, now));
  }

  async complete(key: string): Promise<void> {
    await this.writes.commit(() => this.db.run('UPDATE idempotency_keys SET completed = 1 WHERE key = ?', [key]));
  }

  async release(key: string): Promise<void> {
    await this.writes.commit(() => this.db.run('DELETE FROM idempotency_keys WHERE key = ? AND completed = 0', [key]));
  }

  /**
   * Inside the turn's transaction: a later claim of the same key in the same turn sees this one. One
   * gateway writes its keys one transaction at a time, so no other claim can slip between the read and
   * the insert (databases.ts: what a second gateway would need).
   */
  private async claimNow(key: string, hash: string, newOrderId: string, now: number): Promise<Claim> {
    const { db } = this;
    const row = await db.get<KeyRow>('SELECT * FROM idempotency_keys WHERE key = ?', [key]);
    if (!row || row.created_at < now - KEY_RETENTION_MS) {
      // A key kept past retention but not yet purged is forgotten all the same: overwritten.
      await db.run(
        `INSERT INTO idempotency_keys (key, request_hash, order_id, completed, created_at, claimed_at)
         VALUES (?, ?, ?, 0, ?, ?)
         ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, order_id = excluded.order_id,
           completed = 0, created_at = excluded.created_at, claimed_at = excluded.claimed_at`,
        [key, hash, newOrderId, now, now],
      );
      return { kind: 'claimed', orderId: newOrderId };
    }
    if (row.request_hash !== hash) return { kind: 'mismatch' };
    if (row.completed) return { kind: 'replay', orderId: row.order_id };
    if (now - row.claimed_at < CLAIM_LEASE_MS) return { kind: 'in-flight' };
    // Take over with the same order id: if the dead process did publish, the order service
    // ignores the second PlaceOrder for that id, so the order is still placed once.
    await db.run('UPDATE idempotency_keys SET claimed_at = ? WHERE key = ?', [now, key]);
    return { kind: 'claimed', orderId: row.order_id };
  }

  /** Forgets keys past retention; called at start and hourly (claim() also ignores an expired key). */
  purgeExpired(now: number = Date.now()): Promise<number> {
    return this.db.run('DELETE FROM idempotency_keys WHERE created_at < ?', [now - KEY_RETENTION_MS]);
  }
}
