// Starts a private native stack (real Kafka + real schema registry, and Zipkin for the test systems'
// spans) on free ports in a temp folder for the integration and end-to-end tiers, through the same
// infra/native/stack.sh as `make dev`. Set TEST_KAFKA_BROKERS and TEST_SCHEMA_REGISTRY_URL (and
// TEST_ZIPKIN_URL, its base URL) to run against an already running stack, with TEST_KAFKA_SASL_USERNAME and
// TEST_KAFKA_SASL_PASSWORD for its admin principal (default: the local development admin) and
// TEST_KAFKA_SSL_CA_LOCATION for the CA of its broker's certificate (`infra/.stack/run/tls/ca.pem` for `make dev`). With
// OTEL_SDK_DISABLED=true the stack starts no Zipkin, and the processes export nothing.
// The tests' own clients are the admin principal (a super user: they make random topics and groups); the
// systems they start give each process its own principal (infra/src/launcher/system.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_PRINCIPAL, passwordOf } from '@saga/shared';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '../..');

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_KAFKA_BROKERS && process.env.TEST_SCHEMA_REGISTRY_URL) {
    process.env.KAFKA_BROKERS = process.env.TEST_KAFKA_BROKERS;
    process.env.SCHEMA_REGISTRY_URL = process.env.TEST_SCHEMA_REGISTRY_URL;
    Object.assign(
      process.env,
      adminCredentials(process.env.TEST_KAFKA_SASL_USERNAME, process.env.TEST_KAFKA_SASL_PASSWORD),
    );
    process.env.KAFKA_SSL_CA_LOCATION = process.env.TEST_KAFKA_SSL_CA_LOCATION ?? '';
    return;
  }
  const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-test-stack-'));
  const env = {
    ...process.env,
    STACK_DIR: stackDir,
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_REGISTRY_PORT: String(await freePort()),
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
    ...adminCredentials(),
    // The CA stack.sh made for this stack's broker certificate (infra/native/tls.sh).
    KAFKA_SSL_CA_LOCATION: path.join(stackDir, 'tls', 'ca.pem'),
  });
}

function adminCredentials(
  username: string = ADMIN_PRINCIPAL,
  password = passwordOf(ADMIN_PRINCIPAL),
): Record<string, string> {
  return { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password };
}
