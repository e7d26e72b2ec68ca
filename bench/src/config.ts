// The bench's settings, parsed once from the environment (`make bench` passes the same port variables
// as `make dev`). Defaults give the full run; the smoke test passes a tiny config instead.
import { formats, kafkaSettings, loadConfig, platformSettings, setting, type ConfigOf } from '@saga/shared';
import { defaultPorts, SagaServices, type SagaService } from '@saga/client';

const ints = (raw: string): number[] => formats.list(raw).map(formats.int);
const port = (env: string, doc: string, fallback: number) => setting(env, doc, fallback, formats.port);

export const benchSettings = {
  // The bench is tooling: it runs as the admin principal (bench.sh), on its own random topics.
  ...kafkaSettings,
  registryUrl: platformSettings.registryUrl,
  logLevel: setting('BENCH_LOG_LEVEL', 'log level of the bench itself', 'warn', formats.string),
  gatewayUrl: setting('GATEWAY_URL', 'the gateway to drive', `http://127.0.0.1:${defaultPorts.gateway}`, formats.url),
  rates: setting('BENCH_RATES', 'open-loop arrival rates, orders/s', [10, 50, 200, 500, 1000], ints),
  rateSeconds: setting('BENCH_RATE_SECONDS', 'how long each arrival rate lasts', 15, formats.int),
  maxInFlight: setting('BENCH_MAX_IN_FLIGHT', 'cap on unanswered POSTs during a rate', 512, formats.int),
  drainSeconds: setting('BENCH_DRAIN_SECONDS', 'wait this long after a phase for orders to finish', 120, formats.int),
  warmupOrders: setting('BENCH_WARMUP_ORDERS', 'orders placed (at 20/s) before measuring', 100, formats.int),
  burstOrders: setting('BENCH_BURST_ORDERS', 'orders of the maximum-rate burst (0: none)', 2000, formats.int),
  burstConcurrency: setting('BENCH_BURST_CONCURRENCY', 'concurrent POSTs during the burst', 64, formats.int),
  sku: setting('BENCH_SKU', 'the product every bench order buys (restocked as needed)', 'SKU-004', formats.string),
  relayRate: setting('BENCH_RELAY_RATE', 'msgs/s of the relay latency run', 50, formats.int),
  relaySeconds: setting('BENCH_RELAY_SECONDS', 'how long the relay latency run lasts', 15, formats.int),
  relayBurst: setting('BENCH_RELAY_BURST', 'messages of the relay throughput run', 10000, formats.int),
  outDir: setting('BENCH_OUT_DIR', 'where latest.json and latest.md go ("" = nowhere)', '', formats.string),
  // Processes are told apart by the ports they listen on: the machine may run other stacks too.
  kafkaPort: port('KAFKA_PORT', 'broker port (its process is sampled)', 9092),
  registryPort: port('REGISTRY_PORT', 'registry port (its process is sampled)', 8081),
  zipkinPort: port('ZIPKIN_PORT', 'trace viewer port (its process is sampled while tracing is on)', 9411),
  gatewayPort: port('GATEWAY_PORT', 'gateway port', defaultPorts.gateway),
  consolePort: port('CONSOLE_PORT', 'workshop console port', defaultPorts.console),
  orderPort: port('ORDER_HTTP_PORT', 'order ops port', defaultPorts.order),
  inventoryPort: port('INVENTORY_HTTP_PORT', 'inventory ops port', defaultPorts.inventory),
  paymentPort: port('PAYMENT_HTTP_PORT', 'payment ops port', defaultPorts.payment),
  shippingPort: port('SHIPPING_HTTP_PORT', 'shipping ops port', defaultPorts.shipping),
  paymentProviderPort: port('PAYMENT_PROVIDER_PORT', 'fake payment provider', defaultPorts.paymentProvider),
  carrierPort: port('CARRIER_PORT', 'fake carrier', defaultPorts.carrier),
  // The system's shape, as `make dev` was told it: a PostgreSQL server is sampled only when the system
  // uses it, since POSTGRES_PORT may be another stack's; each saga service's instances are sampled apart.
  store: setting('STORE', 'where the services keep their state', 'sqlite', formats.oneOf('sqlite', 'postgres')),
  postgresPort: port('POSTGRES_PORT', 'PostgreSQL port, with STORE=postgres (its processes are sampled)', 5433),
  instances: setting(
    'INSTANCES',
    'processes of each saga service; the n-th listens on its port + 10·(n-1)',
    1,
    formats.int,
  ),
};

export type BenchConfig = ConfigOf<typeof benchSettings>;

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return loadConfig(benchSettings, env);
}

/** The bench's own process among the sampled ones: it drives and watches the system, so it is not its cost. */
export const BENCH_PROCESS = 'bench';
/** The broker, which the bare relay shares with the saga. */
export const BROKER_PROCESS = 'kafka';
/** The services' PostgreSQL server: the postmaster and every backend it forks, counted as one. */
export const POSTGRES_PROCESS = 'postgres';
/** The bare relay's stage processes, numbered from 1. */
export const RELAY_STAGE_PREFIX = 'relay-stage';

/**
 * Each saga service's instances, named and placed as the launcher does (infra/src/launcher/system.ts):
 * `payment` on its port when it runs once; `payment-1`, `payment-2`, … on its port + 10·(n-1) otherwise.
 */
export function sagaInstances(config: BenchConfig): Record<SagaService, { name: string; port: number }[]> {
  const base: Record<SagaService, number> = {
    order: config.orderPort,
    inventory: config.inventoryPort,
    payment: config.paymentPort,
    shipping: config.shippingPort,
  };
  const instancesOf = (service: SagaService) =>
    Array.from({ length: config.instances }, (_, index) => ({
      name: config.instances === 1 ? service : `${service}-${index + 1}`,
      port: base[service] + 10 * index,
    }));
  return Object.fromEntries(SagaServices.map((service) => [service, instancesOf(service)])) as Record<
    SagaService,
    { name: string; port: number }[]
  >;
}

/** The saga service a sampled process is an instance of (`payment-2` → `payment`), if it is one. */
export function sagaServiceOf(name: string): SagaService | undefined {
  return SagaServices.find((service) => name === service || new RegExp(`^${service}-\\d+$`).test(name));
}

/** The system's processes by name, as the ports they listen on. */
export function systemPorts(config: BenchConfig): Record<string, number> {
  const instances = Object.values(sagaInstances(config)).flat();
  return {
    [BROKER_PROCESS]: config.kafkaPort,
    registry: config.registryPort,
    // What tracing costs includes the viewer that takes the spans; absent (nobody listens) when it is off.
    zipkin: config.zipkinPort,
    ...(config.store === 'postgres' ? { [POSTGRES_PROCESS]: config.postgresPort } : {}),
    gateway: config.gatewayPort,
    console: config.consolePort,
    ...Object.fromEntries(instances.map(({ name, port }) => [name, port])),
    'payment-provider': config.paymentProviderPort,
    carrier: config.carrierPort,
  };
}
