// `node infra/dist/providers/carrier.js`: the fake shipping carrier the shipping service books and cancels
// shipments with over HTTP, on CARRIER_PORT (8096). Its state lives in memory and dies with the process.
import { createLogger, formats, loadConfig, setting } from '@saga/shared';
import { createCarrierApp } from './carrier-app';
import { ProviderLogEvents } from './log-events';
import { listen, providerSettings, stopSignal } from './serve';

const SERVICE = 'carrier';

async function run(): Promise<void> {
  const config = loadConfig({
    port: setting('CARRIER_PORT', 'port the fake carrier listens on', 8096, formats.port),
    ...providerSettings,
  });
  const logger = createLogger(SERVICE, config.logLevel);
  const app = createCarrierApp({ logger, faults: { latencyMs: config.latencyMs, errorRate: config.errorRate } });
  const provider = await listen(app, config.port, config.host);
  logger.info({ url: provider.url }, ProviderLogEvents.LISTENING);
  try {
    logger.info({ signal: await stopSignal() }, ProviderLogEvents.STOPPING);
  } finally {
    await provider.close();
  }
}

run().catch((error: unknown) => {
  // A fresh logger: the failure may be the config that would have set the level.
  createLogger(SERVICE, 'info').fatal({ err: error }, ProviderLogEvents.FAILED);
  process.exit(1);
});
