// What the Idempotency-Key store guarantees, on whichever engine `engine` opens: run by
// idempotency.component.test.ts on SQLite and idempotency-store.int.test.ts on PostgreSQL.
import { CLAIM_LEASE_MS, KEY_RETENTION_MS, SqlIdempotencyStore } from '../src/idempotency';
import type { TestEngine } from './engines';

export function describeIdempotencyStore(engine: TestEngine): void {
  const T0 = 1_700_000_000_000;
  let store: SqlIdempotencyStore;

  describe(`the idempotency key store on ${engine.name}`, () => {
    beforeEach(async () => {
      await engine.reset();
      store = new SqlIdempotencyStore((await engine.open()).keys);
    });
    afterEach(() => engine.closeAll());

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

    it('treats a key past its retention as new, purged or not', async () => {
      await store.claim('old', 'h1', 'order-1', T0);
      await store.complete('old');
      expect(await store.claim('old', 'h2', 'order-2', T0 + KEY_RETENTION_MS + 1)).toEqual({
        kind: 'claimed',
        orderId: 'order-2',
      });
      expect(await store.claim('old', 'h2', 'order-3', T0 + KEY_RETENTION_MS + 2)).toEqual({ kind: 'in-flight' });
    });

    describe('under concurrent requests', () => {
      it('When 20 requests claim their keys in one turn, Then one transaction writes them all', async () => {
        const { keys } = await engine.open();
        const concurrent = new SqlIdempotencyStore(keys);
        const transactions = jest.spyOn(keys, 'commitGroup');

        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => concurrent.claim(`k-${i}`, 'h1', `order-${i}`, Date.now())),
        );
        await Promise.all(claims.map((_, i) => concurrent.complete(`k-${i}`)));

        expect(claims.map((claim) => claim.kind)).toEqual(Array(20).fill('claimed'));
        expect(transactions).toHaveBeenCalledTimes(2); // the claims, then the completions
      });

      it('When two requests with one key claim it in the same turn, Then the second finds it in flight', async () => {
        const [first, second] = await Promise.all([
          store.claim('k', 'h1', 'order-1', Date.now()),
          store.claim('k', 'h1', 'order-2', Date.now()),
        ]);

        expect(first).toEqual({ kind: 'claimed', orderId: 'order-1' });
        expect(second).toEqual({ kind: 'in-flight' });
      });

      it('When a claim or a completion resolves, Then it is committed: a crash now would keep it', async () => {
        // Another connection to the database stands for the gateway restarted after a crash at this moment.
        const afterCrash = new SqlIdempotencyStore((await engine.open()).keys);

        await store.claim('k', 'h1', 'order-1', Date.now());
        expect(await afterCrash.claim('k', 'h1', 'order-2', Date.now())).toEqual({ kind: 'in-flight' });
        await store.complete('k');
        expect(await afterCrash.claim('k', 'h1', 'order-2', Date.now())).toEqual({
          kind: 'replay',
          orderId: 'order-1',
        });
      });

      it('When one claim of a turn fails, Then the others of that turn are still written', async () => {
        const { keys } = await engine.open();
        const concurrent = new SqlIdempotencyStore(keys);
        const run = keys.run.bind(keys);
        jest
          .spyOn(keys, 'run')
          .mockImplementation((sql, params) =>
            Array.isArray(params) && params[0] === 'k-broken' && sql.startsWith('INSERT')
              ? Promise.reject(new Error('disk full, for this key only'))
              : run(sql, params),
          );

        const claims = await Promise.allSettled(
          ['k-1', 'k-broken', 'k-2'].map((key) => concurrent.claim(key, 'h1', `order-${key}`, Date.now())),
        );

        expect(claims.map((claim) => claim.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        const afterwards = new SqlIdempotencyStore((await engine.open()).keys);
        expect(await afterwards.claim('k-2', 'h1', 'other', Date.now())).toEqual({ kind: 'in-flight' });
        expect(await afterwards.claim('k-broken', 'h1', 'other', Date.now())).toEqual({
          kind: 'claimed',
          orderId: 'other',
        });
      });
    });
  });
}
