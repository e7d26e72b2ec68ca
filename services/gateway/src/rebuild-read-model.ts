// `make rebuild-read-model`: rebuilds the gateway's read model from the topics, the source of truth.
// With the gateway running (it answers at GATEWAY_URL), asks it to rebuild in place
// (POST /admin/read-model/rebuild: it empties the read model and projects the topics again from the
// beginning) and waits until /ready says it has caught up. With the gateway stopped, removes the read
// model's file (projection.sqlite, with the offsets it applied) or, with DATABASE_URL, empties its
// tables, so the next start projects everything from the beginning. Never both: a running gateway
// keeps the offsets it applied in memory and would go on writing after them.
import fs from 'node:fs';
import { UnexpectedStatusError, WaitTimedOutError, createLogger, formats, loadConfig, setting } from '@saga/shared';
import { gatewaySettings, projectionFile } from './config';
import { gatewayDatabases } from './databases';
import { ProjectionStore } from './projection/store';

const config = loadConfig({
  dataDir: gatewaySettings.dataDir,
  databaseUrl: gatewaySettings.databaseUrl,
  gatewayUrl: setting('GATEWAY_URL', 'the gateway to rebuild, if it runs', 'http://127.0.0.1:8080', formats.url),
  readyTimeoutMs: setting('REBUILD_TIMEOUT_MS', 'how long to wait for the rebuilt read model', 600_000, formats.int),
});

async function runningGateway(): Promise<boolean> {
  try {
    await fetch(new URL('/health', config.gatewayUrl), { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false; // nothing answers there: the gateway is stopped
  }
}

async function rebuildInPlace(): Promise<void> {
  const started = Date.now();
  const answer = await fetch(new URL('/admin/read-model/rebuild', config.gatewayUrl), { method: 'POST' });
  if (answer.status !== 202)
    throw new UnexpectedStatusError('POST /admin/read-model/rebuild', answer.status, await answer.text());
  console.log(`${config.gatewayUrl}: read model emptied, projecting the topics from the beginning`);
  while ((await fetch(new URL('/ready', config.gatewayUrl))).status !== 200) {
    if (Date.now() - started > config.readyTimeoutMs)
      throw new WaitTimedOutError('the gateway did not catch up in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`caught up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function removeFile(): void {
  const file = projectionFile(config);
  const removed = [file, `${file}-wal`, `${file}-shm`].filter((candidate) => {
    if (!fs.existsSync(candidate)) return false;
    fs.rmSync(candidate);
    return true;
  });
  console.log(
    removed.length > 0
      ? `removed ${removed.join(', ')}: the next gateway start projects the topics from the beginning`
      : `no read model at ${file}: the next gateway start projects the topics from the beginning anyway`,
  );
}

async function emptyTables(): Promise<void> {
  const databases = gatewayDatabases(config, createLogger('rebuild-read-model', 'warn'));
  try {
    await databases.open();
    await new ProjectionStore(databases.readModel).clear();
    console.log('read model emptied: the next gateway start projects the topics from the beginning');
  } finally {
    await databases.close();
  }
}

async function run(): Promise<void> {
  if (await runningGateway()) await rebuildInPlace();
  else if (config.databaseUrl) await emptyTables();
  else removeFile();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
