// Running a provider as a process: the settings both providers share, listen/close as promises, and
// runProvider, the whole life of either entry point. Tests use listen() too.
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import {
  createLogger,
  formats,
  loadConfig,
  platformSettings,
  refuseDevelopmentKeys,
  setting,
  tokenVerifierSettings,
  TokenVerifier,
  type Logger,
  type Setting,
} from '@saga/shared';
import type { Faults } from './faults';
import { ProviderLogEvents } from './log-events';

function probability(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !(value >= 0 && value <= 1)) throw new Error('expected a number in 0..1');
  return value;
}

function nonNegativeInt(raw: string): number {
  const value = formats.int(raw);
  if (value < 0) throw new Error('expected an integer >= 0');
  return value;
}

export const providerSettings = {
  host: setting('PROVIDER_HOST', 'interface the provider binds to', '127.0.0.1', formats.string),
  latencyMs: setting('PROVIDER_LATENCY_MS', 'injected delay per request from the start, ms', 0, nonNegativeInt),
  errorRate: setting('PROVIDER_ERROR_RATE', 'probability (0..1) of an injected 500 from the start', 0, probability),
  logLevel: platformSettings.logLevel,
  // The key operator tokens for /admin/faults are verified with, as the gateway's.
  ...tokenVerifierSettings,
};

export interface RunningProvider {
  /** Base URL, e.g. http://127.0.0.1:8095 (the real port when started on port 0). */
  url: string;
  /** Stops accepting connections and resolves once in-flight requests are answered. */
  close(): Promise<void>;
}

export function listen(app: Express, port: number, host: string): Promise<RunningProvider> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => server.close((closeError) => (closeError ? fail(closeError) : done()))),
      });
    });
  });
}

export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** Config, listen, wait for SIGTERM/SIGINT, close; a failure (bad config included) logs and exits 1. */
export function runProvider(
  service: string,
  port: Setting<number>,
  createApp: (options: { logger: Logger; faults: Partial<Faults>; verifier: TokenVerifier }) => Express,
): void {
  const run = async () => {
    const config = refuseDevelopmentKeys(loadConfig({ port, ...providerSettings }));
    const logger = createLogger(service, config.logLevel);
    const faults = { latencyMs: config.latencyMs, errorRate: config.errorRate };
    const app = createApp({ logger, faults, verifier: new TokenVerifier(config) });
    const provider = await listen(app, config.port, config.host);
    logger.info({ url: provider.url }, ProviderLogEvents.LISTENING);
    try {
      logger.info({ signal: await stopSignal() }, ProviderLogEvents.STOPPING);
    } finally {
      await provider.close();
    }
  };
  run().catch((error: unknown) => {
    // A fresh logger: the failure may be the config that would have set the level.
    createLogger(service, 'info').fatal({ err: error }, ProviderLogEvents.FAILED);
    process.exit(1);
  });
}
