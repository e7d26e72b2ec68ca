// Starts the whole system (providers, four services, gateway, workshop console) against the test stack
// on free ports, through the same launcher code as `make dev`, and gives tests a small REST client for it.
// Every process exports its spans to the test stack's Zipkin (unless OTEL_SDK_DISABLED=true).
// With { store: 'postgres' } each service gets a database of its own on TEST_POSTGRES_ADMIN_URL, under a
// random database name and role prefix (roles are cluster-wide), dropped when the system stops.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '@saga/shared';
import {
  SagaServices,
  defaultPorts,
  issuedCredentials,
  type Credentials,
  type SagaService,
  type SystemPorts,
} from '@saga/client';
import {
  dropServiceDatabases,
  provisionServiceDatabases,
  serviceRoles,
  type DatabaseService,
  type ServiceDatabases,
} from '../../infra/src/postgres/service-databases';
import { instanceNames, startSystem, type RunningSystem, type Store } from '../../infra/src/launcher/system';
import { freePort } from './ports';
import { stackEndpoints } from './helpers';

export interface TestSystem {
  system: RunningSystem;
  gatewayUrl: string;
  /** The workshop console: its page at `/`, its API under `/api`. */
  consoleUrl: string;
  /** Zipkin, where every process of this system sends its spans: its API under `/api/v2`. */
  zipkinUrl: string;
  paymentProviderUrl: string;
  carrierUrl: string;
  /** Ops HTTP (/health, /ready, /metrics) of each saga service: its first instance's when it runs several. */
  opsUrls: Record<SagaService, string>;
  /** The launcher's process names of each saga service (`payment`, or `payment-1`…`payment-3`), for supervisor.signal. */
  processNames: Record<SagaService, string[]>;
  /** Ops HTTP of every saga service process, by its name. */
  instanceOpsUrls: Record<string, string>;
  /** With store 'postgres': each service's and the gateway's own database, dropped when the system stops. */
  databaseUrls?: Record<DatabaseService, string>;
  logFile: string;
  /** Bearer tokens from the development issuer: a customer's (placing, own orders) and an operator's. */
  credentials: Credentials;
}

/** The Authorization header of a token, for the tests that call the gateway with `http`. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export interface TestSystemOptions {
  /** sqlite (default): files in the system's temp folder; postgres: a database per service. */
  store?: Store;
  /** Processes of each saga service (default 1); more than 1 needs store 'postgres'. */
  instances?: number;
}

const local = (port: number) => `http://127.0.0.1:${port}`;

async function provisionTestDatabases(): Promise<{ target: ServiceDatabases; urls: Record<DatabaseService, string> }> {
  const suffix = randomBytes(4).toString('hex');
  const target = {
    adminUrl: process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    database: `saga_e2e_${suffix}`,
    roles: serviceRoles(`saga_e2e${suffix}_`),
  };
  return { target, urls: await provisionServiceDatabases({ ...target, password: (role) => role }) };
}

// A system that never gets ready says why only in its processes' log, which goes with the test stack's
// folder: the failure carries the log's last warnings and errors, so a CI run's output shows the cause.
function withWarningsOf(logFile: string, error: unknown): unknown {
  if (!(error instanceof Error) || !fs.existsSync(logFile)) return error;
  const warnings = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /"level":[456]0/.test(line))
    .slice(-15)
    .map((line) => line.slice(0, 800));
  if (warnings.length > 0) error.message += `\nlast warnings and errors in ${logFile}:\n${warnings.join('\n')}`;
  return error;
}

export async function startTestSystem(
  env: Record<string, string> = {},
  { store = 'sqlite', instances = 1 }: TestSystemOptions = {},
): Promise<TestSystem> {
  const ports = {} as SystemPorts;
  for (const name of Object.keys(defaultPorts) as (keyof SystemPorts)[]) {
    ports[name] = await freePort();
  }
  const opsPorts = {} as Record<SagaService, number[]>;
  for (const service of SagaServices) {
    opsPorts[service] = [ports[service]];
    while (opsPorts[service].length < instances) opsPorts[service].push(await freePort());
  }
  const root = process.env.TEST_STACK_DIR ?? fs.mkdtempSync('/tmp/saga-e2e-');
  const dataDir = fs.mkdtempSync(path.join(root, 'system-'));
  const logFile = path.join(dataDir, 'services.log');
  const output = fs.createWriteStream(logFile, { flags: 'a' });
  const { brokers, registryUrl, zipkinUrl } = stackEndpoints();
  const databases = store === 'postgres' ? await provisionTestDatabases() : undefined;
  let system: RunningSystem;
  try {
    system = await startSystem(
      {
        kafkaBrokers: brokers.join(','),
        registryUrl,
        dataDir,
        ports,
        instances,
        opsPorts,
        databaseUrls: databases?.urls,
        tracing: { zipkinUrl, sdkDisabled: process.env.OTEL_SDK_DISABLED },
        // The suites place thousands of orders as one customer; the per-caller limit itself is tested
        // against the gateway's app (auth.routes.component.test.ts), so it is out of their way here.
        env: {
          LOG_LEVEL: 'info',
          CONSOLE_ACTIONS: 'enabled',
          ORDER_RATE_LIMIT_PER_SECOND: '100000',
          ORDER_RATE_LIMIT_BURST: '100000',
          ...env,
        },
      },
      createLogger('test-launcher', 'warn'),
      output,
    );
  } catch (error) {
    if (databases) await dropServiceDatabases(databases.target);
    throw withWarningsOf(logFile, error);
  }
  if (databases) system.whenStopped(() => dropServiceDatabases(databases.target));
  const processNames = Object.fromEntries(
    SagaServices.map((service) => [service, instanceNames(service, instances)]),
  ) as Record<SagaService, string[]>;
  return {
    system,
    gatewayUrl: system.gatewayUrl,
    consoleUrl: system.consoleUrl,
    zipkinUrl,
    paymentProviderUrl: local(ports.paymentProvider),
    carrierUrl: local(ports.carrier),
    opsUrls: Object.fromEntries(SagaServices.map((service) => [service, local(ports[service])])) as Record<
      SagaService,
      string
    >,
    processNames,
    instanceOpsUrls: Object.fromEntries(
      SagaServices.flatMap((service) =>
        processNames[service].map((name, index) => [name, local(opsPorts[service][index]!)]),
      ),
    ),
    databaseUrls: databases?.urls,
    logFile,
    credentials: issuedCredentials({ operatorSubject: 'test-operator' }),
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
