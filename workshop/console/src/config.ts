// The console's settings, parsed once at start: where it listens, whether its buttons work, where the
// public interfaces it drives or links to answer (@saga/client's endpoints, the trace viewer's ZIPKIN_URL
// among them), the key it signs its own tokens with, and the platform's Kafka and registry.
import { defaultPorts, endpointSettings } from '@saga/client';
import {
  formats,
  loadConfig,
  platformSettings,
  refuseDevelopmentKeys,
  setting,
  tokenIssuerSettings,
  type ConfigOf,
} from '@saga/shared';

export const consoleSettings = {
  ...platformSettings,
  ...endpointSettings,
  // The console signs in server-side: it mints its own short-lived tokens (an operator's for reads and
  // switches, the workshop customer's for its orders), so the page it serves carries no secret.
  ...tokenIssuerSettings,
  port: setting('CONSOLE_PORT', 'port of the page, its API and /health, /ready', defaultPorts.console, formats.port),
  host: setting('CONSOLE_HOST', 'interface the console listens on', '127.0.0.1', formats.string),
  actions: setting(
    'CONSOLE_ACTIONS',
    "whether the page may change things (place and cancel orders, fault switches, replay); 'enabled' only for local use",
    'disabled',
    formats.oneOf('enabled', 'disabled'),
  ),
};

export type ConsoleConfig = ConfigOf<typeof consoleSettings>;

export const loadConsoleConfig = (env: NodeJS.ProcessEnv = process.env): ConsoleConfig =>
  refuseDevelopmentKeys(loadConfig(consoleSettings, env), env);

/** The console's log `service` and Kafka client id; its groups are named after it (feed.ts, dead-letters.ts). */
export const SERVICE = 'workshop-console';
