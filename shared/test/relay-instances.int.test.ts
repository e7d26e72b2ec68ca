// The outbox relay with several instances of a service on one PostgreSQL schema: rows committed by
// either instance are all published, and one order's events reach Kafka in the order they were
// committed, even when the instance that drains is SIGKILLed in the middle of a drain and another
// takes the lease over (a re-sent row may follow, which consumers skip by eventId).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SagaMetrics } from '@saga/shared';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import { MessagingTables } from '../src/store/messaging-tables';
import { PostgresRelayLease } from '../src/store/relay-lease';
import {
  createTopic,
  eventually,
  onCleanup,
  readRecords,
  stackEndpoints,
  testKafka,
  testLogger,
} from '../../test/support/helpers';
import { testPostgres } from '../../test/support/postgres';
import { outboxRecord } from './support/outbox-fixture';

const ORDERS = 20;
const EVENTS_PER_ORDER = 60;

/** Starts the relay of an instance in a child process; resolves once it holds the lease. */
function relayProcess(url: string, batchSize: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'support/relay-instance.cjs'), url, stackEndpoints().brokers.join(','), String(batchSize)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  onCleanup(async () => void child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('now publishes the outbox')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`relay instance exited with ${code} before holding the lease`)));
  });
}

describe('the outbox relay with several instances on PostgreSQL', () => {
  it("publishes every row, each order's in commit order, across the draining instance's SIGKILL", async () => {
    const kafka = testKafka();
    const topic = await createTopic(kafka, 3);
    const postgres = await testPostgres();
    const instances = [await postgres.open('payment'), await postgres.open('payment')];
    const tables = instances.map((db) => new MessagingTables(db));

    // Each order's events are committed one after another, alternately by the two instances.
    const names: string[] = [];
    for (let seq = 0; seq < EVENTS_PER_ORDER; seq++) {
      for (let order = 0; order < ORDERS; order++) {
        const name = `order-${order}:${String(seq).padStart(3, '0')}`;
        const writer = (seq + order) % 2;
        await instances[writer]!.transaction(() =>
          tables[writer]!.enqueue([{ ...outboxRecord(topic, name), key: `order-${order}` }]),
        );
        names.push(name);
      }
    }

    // Instance A drains, small batches so that its death lands mid-drain; B waits for the lease.
    const a = await relayProcess(postgres.urlOf('payment'), 25);
    const standbyDb = instances[1]!;
    const b: OutboxRelay = new OutboxRelay(kafka, standbyDb, tables[1]!, {
      logger: testLogger,
      metrics: new SagaMetrics('test'),
      batchSize: 25,
      lease: new PostgresRelayLease(postgres.urlOf('payment'), testLogger, () => b.notify()),
    });
    await b.start();
    try {
      await killAndCheck();
    } finally {
      await b.stop(); // before the database's cleanup closes its connections
    }

    async function killAndCheck() {
      await eventually(
        async () => ((await tables[0]!.unpublished()) < names.length * 0.8 ? true : undefined),
        30_000,
        5,
      );
      a.kill('SIGKILL');
      const leftAtKill = await tables[0]!.unpublished();
      const killedAt = Date.now();
      await eventually(async () => ((await tables[0]!.unpublished()) === 0 ? true : undefined), 60_000);
      console.log(
        `[relay instances] A killed with ${leftAtKill} of ${names.length} rows unpublished; B published them within ${Date.now() - killedAt} ms`,
      );
      expect(leftAtKill).toBeGreaterThan(0);

      const unique = (read: { value: Buffer | null }[]) => new Set(read.map((record) => record.value!.toString())).size;
      const records = await readRecords(kafka, topic, (read) => unique(read) >= names.length, { timeoutMs: 30_000 });
      const firstSeen = new Map<string, string[]>();
      const seen = new Set<string>();
      for (const record of records) {
        const name = record.value!.toString();
        if (seen.has(name)) continue; // a row re-sent after the kill: consumers skip it by eventId
        seen.add(name);
        const key = record.key!.toString();
        firstSeen.set(key, [...(firstSeen.get(key) ?? []), name]);
      }
      expect(seen.size).toBe(names.length);
      for (const [key, published] of firstSeen) {
        expect(published).toEqual(names.filter((name) => name.startsWith(`${key}:`)));
      }
    }
  }, 120_000);
});
