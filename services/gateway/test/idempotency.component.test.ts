import { SqliteDatabase } from '@saga/shared';
import {
  CLAIM_LEASE_MS,
  IDEMPOTENCY_MIGRATIONS,
  KEY_RETENTION_MS,
  SqliteIdempotencyStore,
  canonicalJson,
  parseIdempotencyKey,
  requestHash,
} from '../src/idempotency';
import { HttpProblem } from '../src/problem';

describe('the request hash', () => {
  it('does not depend on the order of object keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
  });

  it('changes with any value, including array order', () => {
    expect(requestHash({ items: [1, 2] })).not.toBe(requestHash({ items: [2, 1] }));
    expect(requestHash({ quantity: 1 })).not.toBe(requestHash({ quantity: '1' }));
  });
});

describe('the Idempotency-Key header', () => {
  it('is read as a structured-field string or a bare token', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('abc-123')).toBe('abc-123');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('is refused when empty, too long or not printable ASCII', () => {
    for (const bad of ['', '""', 'x'.repeat(256), 'ключ']) {
      expect(() => parseIdempotencyKey(bad)).toThrow(HttpProblem);
    }
  });
});

describe('the idempotency key store', () => {
  let database: SqliteDatabase;
  let store: SqliteIdempotencyStore;
  const T0 = 1_700_000_000_000;

  beforeEach(() => {
    database = new SqliteDatabase(':memory:', IDEMPOTENCY_MIGRATIONS);
    store = new SqliteIdempotencyStore(database);
  });
  afterEach(() => database.close());

  it('gives a new key to the caller with the new order id', async () => {
    expect(await store.claim('k', 'h1', 'order-1', T0)).toEqual({ kind: 'claimed', orderId: 'order-1' });
  });

  it('answers a completed key with the same body as a replay of the first order', async () => {
    await store.claim('k', 'h1', 'order-1', T0);
    await store.complete('k');
    expect(await store.claim('k', 'h1', 'order-2', T0 + 1)).toEqual({ kind: 'replay', orderId: 'order-1' });
  });

  it('refuses the key for a different body', async () => {
    await store.claim('k', 'h1', 'order-1', T0);
    await store.complete('k');
    expect(await store.claim('k', 'h2', 'order-2', T0 + 1)).toEqual({ kind: 'mismatch' });
  });

  it('reports a key still being handled as in flight, and lets a retry take it over after the lease', async () => {
    await store.claim('k', 'h1', 'order-1', T0);
    expect(await store.claim('k', 'h1', 'order-2', T0 + 1)).toEqual({ kind: 'in-flight' });
    expect(await store.claim('k', 'h1', 'order-2', T0 + CLAIM_LEASE_MS)).toEqual({
      kind: 'claimed',
      orderId: 'order-1',
    });
  });

  it('forgets a released key, so the retry after a failed publish is a new request', async () => {
    await store.claim('k', 'h1', 'order-1', T0);
    await store.release('k');
    expect(await store.claim('k', 'h2', 'order-2', T0 + 1)).toEqual({ kind: 'claimed', orderId: 'order-2' });
  });

  it('does not release a completed key', async () => {
    await store.claim('k', 'h1', 'order-1', T0);
    await store.complete('k');
    await store.release('k');
    expect(await store.claim('k', 'h1', 'order-2', T0 + 1)).toEqual({ kind: 'replay', orderId: 'order-1' });
  });

  it('forgets keys past their retention', async () => {
    await store.claim('old', 'h1', 'order-1', T0);
    await store.complete('old');
    await store.claim('recent', 'h1', 'order-2', T0 + KEY_RETENTION_MS);
    expect(await store.purgeExpired(T0 + KEY_RETENTION_MS + 1)).toBe(1);
    expect(await store.claim('old', 'h2', 'order-3', T0 + KEY_RETENTION_MS + 1)).toEqual({
      kind: 'claimed',
      orderId: 'order-3',
    });
  });
});
