// The whole system as processes: the fake providers, the four saga services, the gateway and the
// workshop console, each with its ports, data folder and endpoints. Used by `make dev` and by the
// end-to-end tests.
import path from 'node:path';
import type { SystemPorts } from '@saga/client';
import { WaitTimedOutError, type Logger } from '@saga/shared';
import { Supervisor, waitUntilReady, type ProcessSpec } from './supervisor';

const ROOT = path.resolve(__dirname, '../../..');

export interface SystemOptions {
  kafkaBrokers: string;
  registryUrl: string;
  dataDir: string;
  ports: SystemPorts;
  /** Extra environment for every process (e.g. ORDER_TIMEOUT_MS, LOG_LEVEL). */
  env?: Record<string, string>;
}

export function systemProcesses(options: SystemOptions): ProcessSpec[] {
  const { ports } = options;
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const platform = {
    KAFKA_BROKERS: options.kafkaBrokers,
    SCHEMA_REGISTRY_URL: options.registryUrl,
    DATA_DIR: options.dataDir,
    ...options.env,
  };
  const service = (
    name: keyof SystemOptions['ports'],
    folder: string,
    env: Record<string, string> = {},
  ): ProcessSpec => ({
    name: `${folder}`,
    script: path.join(ROOT, 'services', folder, 'dist/main.js'),
    env: { ...platform, HTTP_PORT: String(ports[name]), ...env },
    readyUrl: `${local(ports[name])}/ready`,
  });
  return [
    {
      name: 'payment-provider',
      script: path.join(ROOT, 'providers/dist/payment-provider.js'),
      env: { ...options.env, PAYMENT_PROVIDER_PORT: String(ports.paymentProvider) },
      readyUrl: `${local(ports.paymentProvider)}/health`,
    },
    {
      name: 'carrier',
      script: path.join(ROOT, 'providers/dist/carrier.js'),
      env: { ...options.env, CARRIER_PORT: String(ports.carrier) },
      readyUrl: `${local(ports.carrier)}/health`,
    },
    service('order', 'order'),
    service('inventory', 'inventory'),
    service('payment', 'payment', { PAYMENT_PROVIDER_URL: local(ports.paymentProvider) }),
    service('shipping', 'shipping', { CARRIER_URL: local(ports.carrier) }),
    service('gateway', 'gateway', {
      GATEWAY_PORT: String(ports.gateway),
      // The gateway asks the order service's ops port for an order's history (a read-only query).
      ORDER_SERVICE_URL: local(ports.order),
      // Where its old /console links redirect.
      CONSOLE_URL: local(ports.console),
    }),
    {
      // The workshop console: no data folder; it reaches the system through its public interfaces
      // (@saga/client's endpoint settings) and Kafka, where it taps the topics while a page is open.
      name: 'console',
      script: path.join(ROOT, 'workshop/console/dist/main.js'),
      env: {
        KAFKA_BROKERS: options.kafkaBrokers,
        SCHEMA_REGISTRY_URL: options.registryUrl,
        ...options.env,
        CONSOLE_PORT: String(ports.console),
        GATEWAY_URL: local(ports.gateway),
        PAYMENT_PROVIDER_URL: local(ports.paymentProvider),
        CARRIER_URL: local(ports.carrier),
        ORDER_OPS_URL: local(ports.order),
        INVENTORY_OPS_URL: local(ports.inventory),
        PAYMENT_OPS_URL: local(ports.payment),
        SHIPPING_OPS_URL: local(ports.shipping),
      },
      readyUrl: `${local(ports.console)}/ready`,
    },
  ];
}

export class RunningSystem {
  constructor(
    readonly supervisor: Supervisor,
    readonly processes: ProcessSpec[],
    readonly gatewayUrl: string,
    readonly consoleUrl: string,
  ) {}

  stop(): Promise<void> {
    return this.supervisor.stopAll();
  }
}

/**
 * The gateway is ready once it has replayed what was on the topics when it started; on a first start
 * the inventory's catalog seed may land just after that. "Ready" for a person means products listed.
 */
async function waitForCatalog(gatewayUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const products = await fetch(`${gatewayUrl}/inventory`).then(
      (response) => (response.ok ? (response.json() as Promise<unknown[]>) : []),
      () => [],
    );
    if (products.length > 0) return;
    if (Date.now() > deadline) throw new WaitTimedOutError(`the gateway listed no products after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function startSystem(
  options: SystemOptions,
  logger: Logger,
  output?: NodeJS.WritableStream,
  readyTimeoutMs = 120_000,
): Promise<RunningSystem> {
  const processes = systemProcesses(options);
  const supervisor = new Supervisor(logger, output);
  for (const spec of processes) supervisor.start(spec);
  try {
    await waitUntilReady(processes, readyTimeoutMs);
    await waitForCatalog(`http://127.0.0.1:${options.ports.gateway}`, readyTimeoutMs);
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
  const local = (port: number) => `http://127.0.0.1:${port}`;
  return new RunningSystem(supervisor, processes, local(options.ports.gateway), local(options.ports.console));
}
