// Where the running system is, from the same environment as `make test-e2e` (default: the native ports,
// which the compose stack publishes too). The endpoints are @saga/client's, read by every client alike;
// the rest is the scenarios' own: Kafka and the registry, which they touch from outside, and the timeouts
// the services run with, which they wait on.
import { endpointSettings } from '@saga/client';
import { formats, kafkaSettings, loadConfig, setting } from '@saga/shared';

export const demoSettings = {
  ...endpointSettings,
  // The scenarios act as the tooling principal (admin): they write poison records and read every topic.
  ...kafkaSettings,
  registryUrl: setting(
    'SCHEMA_REGISTRY_URL',
    'Confluent-compatible registry API',
    'http://127.0.0.1:8081/apis/ccompat/v7',
    formats.url,
  ),
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
