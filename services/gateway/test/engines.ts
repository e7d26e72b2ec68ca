// The gateway's databases on either engine, for the store tests that run on both: SQLite files in a
// folder of the test's own (component tier), or a PostgreSQL database of the test's own on the
// machine's server (integration tier: test/support/postgres.ts). Opened as main.ts opens them
// (gatewayDatabases), so the PostgreSQL tests also run the gateway's migrations under its own role.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@saga/shared';
import { testPostgres, type TestPostgres } from '../../../test/support/postgres';
import { gatewayDatabases, type GatewayDatabases } from '../src/databases';

export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  /** Before each test: an empty database. */
  reset(): Promise<void>;
  /** The gateway's databases on it; a second open() is another connection, as after a restart. */
  open(): Promise<GatewayDatabases>;
  /** After each test: closes what open() gave. */
  closeAll(): Promise<void>;
}

const silent = createLogger('gateway-test', 'silent');

function tracked(open: () => GatewayDatabases): Pick<TestEngine, 'open' | 'closeAll'> {
  const opened: GatewayDatabases[] = [];
  return {
    async open() {
      const databases = open();
      opened.push(databases);
      await databases.open();
      return databases;
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((databases) => databases.close()));
    },
  };
}

export function sqliteEngine(): TestEngine {
  let dataDir = '';
  const { open, closeAll } = tracked(() => gatewayDatabases({ databaseUrl: '', dataDir }, silent));
  return {
    name: 'sqlite',
    async reset() {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-stores-'));
    },
    open,
    async closeAll() {
      await closeAll();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Tests share the file's one database, emptied before each. */
export function postgresEngine(): TestEngine {
  let server: TestPostgres | undefined;
  const { open, closeAll } = tracked(() => {
    if (!server) throw new Error('reset() first');
    return gatewayDatabases({ databaseUrl: server.urlOf('gateway'), dataDir: '' }, silent);
  });
  return {
    name: 'postgres',
    async reset() {
      server ??= await testPostgres();
      const { keys } = await open();
      for (const table of ['idempotency_keys', 'orders', 'products', 'applied_offsets']) {
        await keys.run(`DELETE FROM ${table}`);
      }
      await closeAll();
    },
    open,
    closeAll,
  };
}
