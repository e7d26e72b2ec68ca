// Where the running system is, from the same environment as `make test-e2e` (default: the native ports,
// which the compose stack publishes too). Scenarios reach it only through its public interfaces.
import { formats, loadConfig, setting } from '@saga/shared';

export const demoSettings = {
  gatewayUrl: setting('GATEWAY_URL', 'the gateway (REST front door)', 'http://127.0.0.1:8080', formats.url),
  paymentProviderUrl: setting('PAYMENT_PROVIDER_URL', 'fake payment provider', 'http://127.0.0.1:8095', formats.url),
  carrierUrl: setting('CARRIER_URL', 'fake carrier', 'http://127.0.0.1:8096', formats.url),
  kafkaBrokers: setting('KAFKA_BROKERS', 'Kafka bootstrap servers, comma-separated', ['127.0.0.1:9092'], formats.list),
  registryUrl: setting(
    'SCHEMA_REGISTRY_URL',
    'Confluent-compatible registry API',
    'http://127.0.0.1:8081/apis/ccompat/v7',
    formats.url,
  ),
  paymentOpsUrl: setting('PAYMENT_OPS_URL', 'payment service ops port', 'http://127.0.0.1:8103', formats.url),
  shippingOpsUrl: setting('SHIPPING_OPS_URL', 'shipping service ops port', 'http://127.0.0.1:8104', formats.url),
  orderOpsUrl: setting('ORDER_OPS_URL', 'order service ops port', 'http://127.0.0.1:8101', formats.url),
  orderTimeoutMs: setting('ORDER_TIMEOUT_MS', 'the order deadline the order service runs with', 30_000, formats.int),
  providerTimeoutMs: setting(
    'PROVIDER_TIMEOUT_MS',
    'the provider call timeout the services run with',
    10_000,
    formats.int,
  ),
};

export type DemoConfig = ReturnType<typeof loadDemoConfig>;

export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(demoSettings, env);
}
