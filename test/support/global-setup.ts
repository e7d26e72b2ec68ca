// Starts a private native stack (real Kafka + real schema registry, and Zipkin for the test systems'
// spans) on free ports in a temp folder for the integration and end-to-end tiers, through the same
// infra/native/stack.sh as `make dev`. Set TEST_KAFKA_BROKERS and TEST_SCHEMA_REGISTRY_URL (and
// TEST_ZIPKIN_URL, its base URL) to run against an already running stack. With OTEL_SDK_DISABLED=true
// the stack starts no Zipkin, and the processes export nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '../..');

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_KAFKA_BROKERS && process.env.TEST_SCHEMA_REGISTRY_URL) {
    process.env.KAFKA_BROKERS = process.env.TEST_KAFKA_BROKERS;
    process.env.SCHEMA_REGISTRY_URL = process.env.TEST_SCHEMA_REGISTRY_URL;
    return;
  }
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-test-stack-'));
  const env = {
    ...process.env,
    STACK_DIR: stackDir,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    REGISTRY_PORT: String(await freePort()),
    REGISTRY_MANAGEMENT_PORT: String(await freePort()),
    ZIPKIN_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  const started = Date.now();
  execFileSync('bash', [path.join(ROOT, 'infra/native/stack.sh'), 'up'], { env, stdio: 'inherit' });
  console.log(`\n[test stack] up in ${((Date.now() - started) / 1000).toFixed(1)} s (${stackDir})`);
  // Workers are forked after global setup and inherit these.
  Object.assign(process.env, {
    TEST_STACK_DIR: stackDir,
    TEST_STACK_ENV: JSON.stringify(env),
    KAFKA_BROKERS: `127.0.0.1:${env.KAFKA_PORT}`,
    SCHEMA_REGISTRY_URL: `http://127.0.0.1:${env.REGISTRY_PORT}/apis/ccompat/v7`,
    TEST_ZIPKIN_URL: `http://127.0.0.1:${env.ZIPKIN_PORT}`,
  });
}
