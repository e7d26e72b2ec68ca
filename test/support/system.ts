// Starts the whole system (providers, four services, gateway, workshop console) against the test stack
// on free ports, through the same launcher code as `make dev`, and gives tests a small REST client for it.
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '@saga/shared';
import { defaultPorts, type SystemPorts } from '@saga/client';
import { startSystem, type RunningSystem } from '../../infra/src/launcher/system';
import { freePort } from './ports';
import { stackEndpoints } from './helpers';

export interface TestSystem {
  system: RunningSystem;
  gatewayUrl: string;
  /** The workshop console: its page at `/`, its API under `/api`. */
  consoleUrl: string;
  paymentProviderUrl: string;
  carrierUrl: string;
  /** Ops HTTP (/health, /ready, /metrics) of each saga service, by launcher process name. */
  opsUrls: Record<'order' | 'inventory' | 'payment' | 'shipping', string>;
  logFile: string;
}

export async function startTestSystem(env: Record<string, string> = {}): Promise<TestSystem> {
  const ports = {} as SystemPorts;
  for (const name of Object.keys(defaultPorts) as (keyof SystemPorts)[]) {
    ports[name] = await freePort();
  }
  const root = process.env.TEST_STACK_DIR ?? fs.mkdtempSync('/tmp/saga-e2e-');
  const dataDir = fs.mkdtempSync(path.join(root, 'system-'));
  const logFile = path.join(dataDir, 'services.log');
  const output = fs.createWriteStream(logFile, { flags: 'a' });
  const { brokers, registryUrl } = stackEndpoints();
  const system = await startSystem(
    {
      kafkaBrokers: brokers.join(','),
      registryUrl,
      dataDir,
      ports,
      env: { LOG_LEVEL: 'info', CONSOLE_ACTIONS: 'enabled', ...env },
    },
    createLogger('test-launcher', 'warn'),
    output,
  );
  return {
    system,
    gatewayUrl: system.gatewayUrl,
    consoleUrl: system.consoleUrl,
    paymentProviderUrl: `http://127.0.0.1:${ports.paymentProvider}`,
    carrierUrl: `http://127.0.0.1:${ports.carrier}`,
    opsUrls: {
      order: `http://127.0.0.1:${ports.order}`,
      inventory: `http://127.0.0.1:${ports.inventory}`,
      payment: `http://127.0.0.1:${ports.payment}`,
      shipping: `http://127.0.0.1:${ports.shipping}`,
    },
    logFile,
  };
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function http<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; tests assert on the raw text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
