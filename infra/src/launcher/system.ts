// The whole system as processes: the fake providers, the four saga services (each as one process, or as
// several sharing its consumer group), the gateway and the workshop console, each with its ports, state,
// endpoints and the Zipkin it sends its spans to. Used by `make dev` and by the end-to-end tests.
import path from 'node:path';
import { GatewayClient, SagaServices, issuedCredentials, type SagaService, type SystemPorts } from '@saga/client';
import { ConfigError, WaitTimedOutError, passwordOf, type KafkaPrincipal, type Logger } from '@saga/shared';
import { DatabaseServices, databaseUrlVariable, type DatabaseService } from '../postgres/service-databases';
import { Supervisor, waitUntilReady, type ProcessSpec } from './supervisor';
import { tracingEnv, type Tracing } from './tracing';

const ROOT = path.resolve(__dirname, '../../..');

export const Stores = ['sqlite', 'postgres'] as const;
export type Store = (typeof Stores)[number];

// The n-th instance's ops port is the service's port + 10·(n-1): 8103, 8113, 8123 for payment. Nine
// keeps every default in 8101-8194, clear of the gateway, the console and the providers.
const INSTANCE_PORT_STEP = 10;
export const MAX_INSTANCES = 9;

export interface SystemOptions {
  kafkaBrokers: string;
  registryUrl: string;
  dataDir: string;
  ports: SystemPorts;
  /** Processes of each saga service, in its one consumer group (default 1); more than 1 needs databaseUrls. */
  instances?: number;
  /** Every instance's ops port, by service (default: its port in `ports` + 10 per instance after the first). */
  opsPorts?: Record<SagaService, number[]>;
  /** Each service's own PostgreSQL database (its DATABASE_URL); absent: SQLite files in dataDir. */
  databaseUrls?: Record<DatabaseService, string>;
  /** The Zipkin every process exports its spans to (or OTEL_SDK_DISABLED for none). */
  tracing: Tracing;
  /** Extra environment for every process (e.g. ORDER_TIMEOUT_MS, LOG_LEVEL). */
  env?: Record<string, string>;
}

/** `<SERVICE>_OPS_URL` of each saga service: every instance's ops URL, comma-separated (@saga/client reads lists). */
export function opsUrlSettings(opsPorts: Record<SagaService, number[]>): Record<string, string> {
  return Object.fromEntries(
    SagaServices.map((service) => [
      `${service.toUpperCase()}_OPS_URL`,
      opsPorts[service].map((port) => `http://127.0.0.1:${port}`).join(','),
    ]),
  );
}

/** `payment` when a service runs once (as it always has), `payment-1`, `payment-2`, … when it runs several times. */
export function instanceNames(service: SagaService, instances = 1): string[] {
  if (instances === 1) return [service];
  return Array.from({ length: instances }, (_, index) => `${service}-${index + 1}`);
}

export function opsPortsOf(options: SystemOptions): Record<SagaService, number[]> {
  const instances = options.instances ?? 1;
  const problems: string[] = [];
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES) {
    problems.push(`instances: ${instances}: expected an integer from 1 to ${MAX_INSTANCES}`);
  }
  if (instances > 1 && !options.databaseUrls) {
    problems.push(`instances: ${instances} needs databaseUrls: a SQLite file belongs to one process`);
  }
  const ports = Object.fromEntries(
    SagaServices.map((service) => [
      service,
      options.opsPorts?.[service] ??
        Array.from({ length: instances }, (_, index) => options.ports[service] + INSTANCE_PORT_STEP * index),
    ]),
  ) as Record<SagaService, number[]>;
  for (const service of SagaServices) {
    if (ports[service].length !== instances) {
      problems.push(`opsPorts.${service}: ${ports[service].length} ports for ${instances} instances`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return ports;
}

// A process inherits the launcher's environment, which `make dev STORE=postgres` fills with every service's
// <SERVICE>_DATABASE_URL and may give the cluster's POSTGRES_ADMIN_URL: blanked for every process, so each
// holds its own DATABASE_URL only, never another role's password or the superuser's.
const WITHHELD: Record<string, string> = Object.fromEntries(
  ['POSTGRES_ADMIN_URL', ...DatabaseServices.map(databaseUrlVariable)].map((name) => [name, '']),
);

export function systemProcesses(options: SystemOptions): ProcessSpec[] {
  const { ports, databaseUrls } = options;
  const instances = options.instances ?? 1;
  const opsPorts = opsPortsOf(options);
  const local = (port: number) => `http://127.0.0.1:${port}`;
  // Before options.env, which may override them (a test turning tracing off, say).
  const traced = (name: string, processName = name) => tracingEnv(options.tracing, name, processName);
  const platform = {
    KAFKA_BROKERS: options.kafkaBrokers,
    SCHEMA_REGISTRY_URL: options.registryUrl,
  };
  // Each process is its own Kafka principal, whose ACLs cover only its own topics and group (docs/security.md).
  // After options.env: a process cannot be given someone else's credentials by accident.
  const principal = (name: KafkaPrincipal) => ({
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: name,
    KAFKA_SASL_PASSWORD: passwordOf(name),
  });
  // '' rather than an inherited DATABASE_URL, which would put every service in one role's schema; the
  // services' config reads an empty variable as unset, so SQLite.
  const store = (service: DatabaseService, dataDir: string) => ({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrls?.[service] ?? '',
  });
  const service = (name: SagaService, env: Record<string, string> = {}): ProcessSpec[] =>
    instanceNames(name, instances).map((processName, index) => {
      const port = opsPorts[name][index]!;
      return {
        name: processName,
        script: path.join(ROOT, 'services', name, 'dist/main.js'),
        env: {
          ...platform,
          ...traced(name, processName),
          ...options.env,
          // A folder per process: what a service still keeps on disk is never shared between instances.
          ...store(name, instances === 1 ? options.dataDir : path.join(options.dataDir, processName)),
          HTTP_PORT: String(port),
          ...principal(name),
          ...env,
        },
        readyUrl: `${local(port)}/ready`,
      };
    });
  const processes: ProcessSpec[] = [
    {
      name: 'payment-provider',
      script: path.join(ROOT, 'providers/dist/payment-provider.js'),
      env: { ...traced('payment-provider'), ...options.env, PAYMENT_PROVIDER_PORT: String(ports.paymentProvider) },
      readyUrl: `${local(ports.paymentProvider)}/health`,
    },
    {
      name: 'carrier',
      script: path.join(ROOT, 'providers/dist/carrier.js'),
      env: { ...traced('carrier'), ...options.env, CARRIER_PORT: String(ports.carrier) },
      readyUrl: `${local(ports.carrier)}/health`,
    },
    ...service('order'),
    ...service('inventory'),
    ...service('payment', { PAYMENT_PROVIDER_URL: local(ports.paymentProvider) }),
    ...service('shipping', { CARRIER_URL: local(ports.carrier) }),
    {
      name: 'gateway',
      script: path.join(ROOT, 'services/gateway/dist/main.js'),
      env: {
        ...platform,
        ...traced('gateway'),
        ...options.env,
        ...store('gateway', options.dataDir),
        ...principal('gateway'),
        HTTP_PORT: String(ports.gateway),
        GATEWAY_PORT: String(ports.gateway),
        // The gateway asks the order service's ops port for an order's history (a read-only query); any
        // instance answers it from the one order database, so the first.
        ORDER_SERVICE_URL: local(opsPorts.order[0]!),
        // Where its old /console links redirect.
        CONSOLE_URL: local(ports.console),
      },
      readyUrl: `${local(ports.gateway)}/ready`,
    },
    {
      // The workshop console: no data folder; it reaches the system through its public interfaces
      // (@saga/client's endpoint settings) and Kafka, where it taps the topics while a page is open.
      // With several instances it reads each service's first.
      name: 'console',
      script: path.join(ROOT, 'workshop/console/dist/main.js'),
      env: {
        ...platform,
        ...traced('console'),
        ...options.env,
        ...principal('console'),
        CONSOLE_PORT: String(ports.console),
        // The viewer's address for the page's links to a trace.
        ZIPKIN_URL: options.tracing.zipkinUrl,
        GATEWAY_URL: local(ports.gateway),
        PAYMENT_PROVIDER_URL: local(ports.paymentProvider),
        CARRIER_URL: local(ports.carrier),
        // Every instance's ops port: the console shows each one's breakers and pauses.
        ...opsUrlSettings(opsPorts),
      },
      readyUrl: `${local(ports.console)}/ready`,
    },
  ];
  return processes.map((spec) => ({ ...spec, env: { ...WITHHELD, ...spec.env } }));
}

export class RunningSystem {
  private readonly cleanups: Array<() => Promise<void>> = [];

  constructor(
    readonly supervisor: Supervisor,
    readonly processes: ProcessSpec[],
    readonly gatewayUrl: string,
    readonly consoleUrl: string,
  ) {}

  /** Resolves once every process answers ready and the gateway lists the catalog. */
  async ready(timeoutMs = 120_000): Promise<void> {
    await waitUntilReady(this.processes, timeoutMs);
    await waitForCatalog(this.gatewayUrl, timeoutMs);
  }

  /** Runs `cleanup` once every process has stopped (a test drops the databases it made). */
  whenStopped(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  async stop(): Promise<void> {
    try {
      await this.supervisor.stopAll();
    } finally {
      for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    }
  }
}

/**
 * The gateway is ready once it has replayed what was on the topics when it started; on a first start
 * the inventory's catalog seed may land just after that. "Ready" for a person means products listed.
 */
async function waitForCatalog(gatewayUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // As an operator, with a token from the issuer's key (the development one unless AUTH_SIGNING_KEY is set).
    const gateway = new GatewayClient(gatewayUrl, issuedCredentials({ operatorSubject: 'launcher' }));
    const products = await gateway.products().catch(() => []);
    if (products.length > 0) return;
    if (Date.now() > deadline) throw new WaitTimedOutError(`the gateway listed no products after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts every process under supervision and returns at once, so that a stop asked for while they start
 * (`make down` right after `make dev`) reaches them too; `ready()` waits for them.
 */
export function launchSystem(options: SystemOptions, logger: Logger, output?: NodeJS.WritableStream): RunningSystem {
  const processes = systemProcesses(options);
  const supervisor = new Supervisor(logger, output);
  for (const spec of processes) supervisor.start(spec);
  const local = (port: number) => `http://127.0.0.1:${port}`;
  return new RunningSystem(supervisor, processes, local(options.ports.gateway), local(options.ports.console));
}

/** Starts the system and waits until it is ready; stops it again if it is not ready in time. */
export async function startSystem(
  options: SystemOptions,
  logger: Logger,
  output?: NodeJS.WritableStream,
  readyTimeoutMs = 120_000,
): Promise<RunningSystem> {
  const system = launchSystem(options, logger, output);
  try {
    await system.ready(readyTimeoutMs);
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}
