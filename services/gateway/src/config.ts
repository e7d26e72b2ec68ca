// The gateway's settings, parsed once at start: where it listens, where its stores live (SQLite files
// or PostgreSQL), the key its callers' bearer tokens are verified with, the per-caller rate limit on
// POST /orders, and the platform's Kafka, registry and log settings.
import path from 'node:path';
import {
  formats,
  loadConfig,
  platformSettings,
  refuseDevelopmentKeys,
  setting,
  tokenVerifierSettings,
  type ConfigOf,
} from '@saga/shared';

const positiveInt = (raw: string): number => {
  const value = formats.int(raw);
  if (value < 1) throw new Error('expected an integer >= 1');
  return value;
};

export const gatewaySettings = {
  ...platformSettings,
  ...tokenVerifierSettings,
  // A customer placing orders by hand or from a shop's page stays far below this; a script looping on
  // POST /orders with one token does not. The benchmark and the test systems raise it (docs/security.md).
  orderRatePerSecond: setting(
    'ORDER_RATE_LIMIT_PER_SECOND',
    'orders per second one caller (token subject) may sustain on POST /orders',
    10,
    positiveInt,
  ),
  orderRateBurst: setting(
    'ORDER_RATE_LIMIT_BURST',
    'orders one caller may place at once before ORDER_RATE_LIMIT_PER_SECOND applies',
    50,
    positiveInt,
  ),
  port: setting('GATEWAY_PORT', 'port of the REST API (and /health, /ready, /metrics)', 8080, formats.port),
  host: setting('GATEWAY_HOST', 'interface the REST API listens on', '127.0.0.1', formats.string),
  orderServiceUrl: setting(
    'ORDER_SERVICE_URL',
    "the order service's ops port, asked for an order's event stream (GET /orders/{id}/history)",
    'http://127.0.0.1:8101',
    formats.url,
  ),
  dataDir: setting(
    'DATA_DIR',
    'folder of gateway.sqlite (Idempotency-Key store) and projection.sqlite (read model) when DATABASE_URL is unset',
    '.data',
    formats.string,
  ),
  databaseUrl: setting(
    'DATABASE_URL',
    "PostgreSQL for the Idempotency-Key store and the read model (the gateway's own role, owning a schema named like it); unset: SQLite in DATA_DIR",
    '',
    formats.postgresUrl,
  ),
  consoleUrl: setting(
    'CONSOLE_URL',
    "the workshop console's public URL, where /console and /console/* redirect (the console is its own process)",
    'http://127.0.0.1:8090',
    formats.url,
  ),
};

export type GatewayConfig = ConfigOf<typeof gatewaySettings>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig =>
  refuseDevelopmentKeys(loadConfig(gatewaySettings, env), env);

/** The producer name on every command the gateway publishes, and its log `service`. */
export const SERVICE = 'gateway';

/** The read model's own SQLite file, with its applied offsets; `make rebuild-read-model` removes it. */
export const projectionFile = (config: Pick<GatewayConfig, 'dataDir'>): string =>
  path.join(config.dataDir, 'projection.sqlite');
