// SqliteDatabase on a real file: transactions run one at a time, a read never sees another
// transaction's uncommitted rows, a transaction that waits on I/O is rolled back, and the inbox is
// pruned past retention only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROCESSED_EVENT_RETENTION_MS, SqliteDatabase, TransactionYieldedError } from '@saga/shared';
import { MESSAGING_MIGRATIONS, MessagingTables } from '../src/store/messaging-tables';
import { pruneInbox } from '../src/service/inbox-pruning';

const ticks = async (count: number) => {
  for (let i = 0; i < count; i++) await Promise.resolve();
};

function openDatabase(): SqliteDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-sqlite-'));
  return new SqliteDatabase(path.join(dir, 'test.sqlite'), [
    ...MESSAGING_MIGRATIONS.sqlite,
    'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  ]);
}

describe('SqliteDatabase', () => {
  let database: SqliteDatabase;
  beforeEach(() => {
    database = openDatabase();
  });
  afterEach(() => database.close());

  const count = () => (database.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  const insert = (name: string) => database.db.prepare('INSERT INTO items (name) VALUES (?)').run(name);

  it('commits a group of units in one transaction, rolling back only a failing unit and skipping those after a stop', async () => {
    const names = (database.db.prepare('SELECT name FROM items ORDER BY id').pluck().all() as string[]).join(',');
    const retriable = Object.assign(new Error('retry me'), { retriable: true });
    const outcomes = await database.commitGroup<unknown>(
      [
        () => insert('a'),
        () => {
          insert('b');
          throw new Error('a bug in one unit');
        },
        async () => {
          insert('c');
          await new Promise((resolve) => setTimeout(resolve, 5)); // waits for I/O holding the lock
        },
        () => insert('d'),
        () => {
          insert('e');
          throw retriable;
        },
        () => insert('f'),
      ],
      (error) => error === retriable,
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      'committed',
      'failed',
      'failed',
      'committed',
      'failed',
      'skipped',
    ]);
    expect((outcomes[2] as { error: unknown }).error).toBeInstanceOf(TransactionYieldedError);
    expect(names).toBe('');
    expect((database.db.prepare('SELECT name FROM items ORDER BY id').pluck().all() as string[]).join(',')).toBe('a,d');
  });

  it('never lets a read see the rows of a transaction that has not committed', async () => {
    const seen: number[] = [];
    const writing = database.transaction(async () => {
      insert('a');
      await ticks(20); // the store's async methods: other chains run in between
      insert('b');
      throw new Error('rolled back');
    });
    const reading = (async () => {
      await ticks(5);
      seen.push(await database.read(count));
    })();
    await expect(writing).rejects.toThrow('rolled back');
    await reading;
    expect(seen).toEqual([0]);
  });

  it('runs transactions one at a time even when their work awaits', async () => {
    const steps: string[] = [];
    const work = (name: string) => async () => {
      steps.push(`${name} begins`);
      await ticks(10);
      insert(name);
      steps.push(`${name} ends`);
    };
    await Promise.all([database.transaction(work('a')), database.transaction(work('b'))]);
    expect(steps).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
  });

  it('rolls back a transaction whose work waited on I/O while holding the write lock', async () => {
    const waitingOnATimer = database.transaction(async () => {
      insert('a');
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await expect(waitingOnATimer).rejects.toBeInstanceOf(TransactionYieldedError);
    expect(await database.read(count)).toBe(0);
  });

  it('lets a read inside a transaction see that transaction’s own writes', async () => {
    const inside = await database.transaction(async () => {
      insert('a');
      return database.read(count);
    });
    expect(inside).toBe(1);
  });

  it('forgets processed event ids past retention and keeps the recent ones', async () => {
    const tables = new MessagingTables(database);
    const now = Date.now();
    await database.transaction(async () => {
      for (let i = 0; i < 2_500; i++)
        await tables.markProcessed(`old-${i}`, 'OrderPlaced', now - PROCESSED_EVENT_RETENTION_MS - 1);
      await tables.markProcessed('recent', 'OrderPlaced', now - PROCESSED_EVENT_RETENTION_MS + 60_000);
    });
    expect(await pruneInbox(database, tables, now)).toBe(2_500);
    expect(await tables.processedAmong(['old-0', 'recent'])).toEqual(new Set(['recent']));
  });
});
