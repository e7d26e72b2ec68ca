// The gateway's read model is durable: after 20,000 orders, a restarted gateway is ready without
// replaying them (it resumes after the offsets its read model applied), and its memory does not hold
// them. Runs the real gateway process against the real broker and registry; prints the figures.
// The orders' records are facts no saga service acts on (StockReleased, ShipmentCancelled): the test
// broker is shared with the end-to-end suites, whose services must not inherit 20,000 orders to handle.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EventPublisher, newEnvelope, type OutgoingEvent } from '@saga/shared';
import { eventually, onCleanup, stackEndpoints, testKafka, testSerde, uniqueName } from '../../../test/support/helpers';
import { freePort } from '../../../test/support/ports';

const ORDERS = 20_000;
const GATEWAY = path.resolve(__dirname, '../dist/main.js');

async function publishOrders(count: number): Promise<string[]> {
  const serde = testSerde();
  await serde.registerWriters(['StockReleased', 'ShipmentCancelled']);
  const publisher = new EventPublisher(testKafka(), serde);
  await publisher.connect();
  onCleanup(() => publisher.disconnect());
  const run = uniqueName('bulk');
  const ids = Array.from({ length: count }, (_, i) => `${run}-${i}`);
  for (let i = 0; i < ids.length; i += 1_000) {
    const events = ids.slice(i, i + 1_000).flatMap((orderId): OutgoingEvent[] => {
      const cause = { correlationId: orderId, causationId: run };
      return [
        {
          type: 'StockReleased',
          key: orderId,
          value: {
            envelope: newEnvelope('inventory-service', cause),
            orderId,
            lines: [{ sku: 'SKU-001', quantity: 1, unitPriceCents: 1_999 }],
          },
        },
        {
          type: 'ShipmentCancelled',
          key: orderId,
          value: { envelope: newEnvelope('shipping-service', cause), orderId, shipmentId: `shp-${orderId}` },
        },
      ];
    });
    await publisher.publish(events);
  }
  return ids;
}

/** Orders the read model holds on disk (read with the gateway stopped). */
function ordersOnDisk(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'projection.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

interface Started {
  process: ChildProcess;
  url: string;
  readyMs: number;
}

async function startGateway(dataDir: string): Promise<Started> {
  const port = await freePort();
  const { brokers, registryUrl } = stackEndpoints();
  const started = Date.now();
  const child = spawn(process.execPath, [GATEWAY], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(port),
      KAFKA_BROKERS: brokers.join(','),
      SCHEMA_REGISTRY_URL: registryUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${url}/ready`).catch(() => undefined))?.ok ? true : undefined), 300_000);
  return { process: child, url, readyMs: Date.now() - started };
}

async function stopGateway({ process: child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident memory and records projected, from the gateway's own /metrics. */
async function figures(url: string): Promise<{ rssMb: number; projected: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  return {
    rssMb: Math.round(sum('process_resident_memory_bytes') / 2 ** 20),
    projected: sum('saga_events_consumed_total'),
  };
}

describe('the gateway read model', () => {
  it('restarts after 20,000 orders ready without replaying them, with bounded memory', async () => {
    const ids = await publishOrders(ORDERS);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-gateway-'));

    const first = await startGateway(dataDir);
    onCleanup(() => stopGateway(first).catch(() => undefined));
    const afterBuild = await figures(first.url);
    await stopGateway(first);
    expect(ordersOnDisk(dataDir)).toBeGreaterThanOrEqual(ids.length);

    const second = await startGateway(dataDir);
    onCleanup(() => stopGateway(second).catch(() => undefined));
    const afterRestart = await figures(second.url);

    console.log(
      `[read model] ${ORDERS} orders: first start projected ${afterBuild.projected} records, ready in ` +
        `${first.readyMs} ms, RSS ${afterBuild.rssMb} MB; restart projected ${afterRestart.projected} records, ` +
        `ready in ${second.readyMs} ms, RSS ${afterRestart.rssMb} MB`,
    );
    expect(afterBuild.projected).toBeGreaterThanOrEqual(2 * ORDERS);
    expect(afterRestart.projected).toBeLessThan(ORDERS / 10);
    expect(second.readyMs).toBeLessThan(first.readyMs);
  }, 600_000);
});
