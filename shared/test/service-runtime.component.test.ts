// ServiceRuntime holds a service to its topology entry: the check runs first in start(), before any
// broker or registry is contacted, so it is exercised here with unreachable ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Applications, ConfigError, ServiceRuntime, loadConfig, serviceSettings } from '@saga/shared';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-runtime-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function runtime() {
  const config = loadConfig(serviceSettings, {
    DATA_DIR: dataDir,
    KAFKA_BROKERS: '127.0.0.1:1',
    SCHEMA_REGISTRY_URL: 'http://127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  return new ServiceRuntime({ ...Applications.payment, migrations: { sqlite: [], postgres: [] }, config });
}

it('When a type the topology says it consumes has no handler, Then start() refuses, naming the type', async () => {
  const service = runtime();
  service.on('OrderPlaced', async () => undefined).on('OrderCancelled', async () => undefined);
  try {
    const failure = service.start();

    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(/StockReserved is in consumes/);
  } finally {
    service.db.close();
  }
});
