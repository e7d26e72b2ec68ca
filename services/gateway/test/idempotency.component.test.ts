// Idempotency-Key: the header, the request hash, and the store on SQLite files (the same behaviour runs on
// PostgreSQL in idempotency-store.int.test.ts).
import { canonicalJson, parseIdempotencyKey, requestHash } from '../src/idempotency';
import { HttpProblem } from '../src/problem';
import { sqliteEngine } from './engines';
import { describeIdempotencyStore } from './idempotency-store.behaviour';

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

describeIdempotencyStore(sqliteEngine());
