// The bench's settings, parsed once from the environment (`make bench` passes the same port variables
// as `make dev`). Defaults give the full run; the smoke test passes a tiny config instead.
import { formats, loadConfig, platformSettings, setting, type ConfigOf } from '@saga/shared';
import { defaultPorts } from '@saga/client';

const ints = (raw: string): number[] => formats.list(raw).map(formats.int);
const port = (env: string, doc: string, fallback: number) => setting(env, doc, fallback, formats.port);

export const benchSettings = {
  kafkaBrokers: platformSettings.kafkaBrokers,
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
  gatewayPort: port('GATEWAY_PORT', 'gateway port', defaultPorts.gateway),
  orderPort: port('ORDER_HTTP_PORT', 'order ops port', defaultPorts.order),
  inventoryPort: port('INVENTORY_HTTP_PORT', 'inventory ops port', defaultPorts.inventory),
  paymentPort: port('PAYMENT_HTTP_PORT', 'payment ops port', defaultPorts.payment),
  shippingPort: port('SHIPPING_HTTP_PORT', 'shipping ops port', defaultPorts.shipping),
  paymentProviderPort: port('PAYMENT_PROVIDER_PORT', 'fake payment provider', defaultPorts.paymentProvider),
  carrierPort: port('CARRIER_PORT', 'fake carrier', defaultPorts.carrier),
};

export type BenchConfig = ConfigOf<typeof benchSettings>;

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return loadConfig(benchSettings, env);
}

/** The system's processes by name, as the ports they listen on. */
export function systemPorts(config: BenchConfig): Record<string, number> {
  return {
    kafka: config.kafkaPort,
    registry: config.registryPort,
    gateway: config.gatewayPort,
    order: config.orderPort,
    inventory: config.inventoryPort,
    payment: config.paymentPort,
    shipping: config.shippingPort,
    'payment-provider': config.paymentProviderPort,
    carrier: config.carrierPort,
  };
}
