// `node infra/dist/providers/payment-provider.js`: the fake card processor the payment service charges and
// refunds over HTTP, on PAYMENT_PROVIDER_PORT (8095). Its state lives in memory and dies with the process.
import { createLogger, formats, loadConfig, setting } from '@saga/shared';
import { ProviderLogEvents } from './log-events';
import { createPaymentProviderApp } from './payment-app';
import { listen, providerSettings, stopSignal } from './serve';

const SERVICE = 'payment-provider';

async function run(): Promise<void> {
  const config = loadConfig({
    port: setting('PAYMENT_PROVIDER_PORT', 'port the fake card processor listens on', 8095, formats.port),
    ...providerSettings,
  });
  const logger = createLogger(SERVICE, config.logLevel);
  const app = createPaymentProviderApp({
    logger,
    faults: { latencyMs: config.latencyMs, errorRate: config.errorRate },
  });
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
