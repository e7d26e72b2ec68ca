// `node infra/dist/launcher/main.js`: runs the whole system (providers, services, gateway, console)
// under supervision against an already running broker and registry (see infra/native/dev.sh), prints the
// gateway's and the console's URLs when every process is ready, and stops them all on SIGTERM/SIGINT.
import path from 'node:path';
import { createLogger, formats, loadConfig, platformSettings, runProcess, setting } from '@saga/shared';
import { defaultPorts } from '@saga/client';
import { startSystem } from './system';

const port = (env: string, doc: string, fallback: number) => setting(env, doc, fallback, formats.port);
const config = loadConfig({
  ...platformSettings,
  dataDir: setting(
    'DATA_DIR',
    'parent folder of every service database',
    path.resolve(__dirname, '../../.stack/run/data'),
    formats.string,
  ),
  gateway: port('GATEWAY_PORT', 'REST gateway', defaultPorts.gateway),
  console: port('CONSOLE_PORT', 'workshop console', defaultPorts.console),
  order: port('ORDER_HTTP_PORT', 'order service ops port', defaultPorts.order),
  inventory: port('INVENTORY_HTTP_PORT', 'inventory service ops port', defaultPorts.inventory),
  payment: port('PAYMENT_HTTP_PORT', 'payment service ops port', defaultPorts.payment),
  shipping: port('SHIPPING_HTTP_PORT', 'shipping service ops port', defaultPorts.shipping),
  paymentProvider: port('PAYMENT_PROVIDER_PORT', 'fake payment provider', defaultPorts.paymentProvider),
  carrier: port('CARRIER_PORT', 'fake carrier', defaultPorts.carrier),
});
const logger = createLogger('launcher', config.logLevel);

runProcess(logger, async () => {
  const { kafkaBrokers, registryUrl, logLevel: _logLevel, dataDir, ...ports } = config;
  const system = await startSystem(
    {
      kafkaBrokers: kafkaBrokers.join(','),
      registryUrl,
      dataDir,
      ports,
    },
    logger,
  );
  const { gatewayUrl, consoleUrl } = system;
  logger.info({ gatewayUrl, consoleUrl }, `system ready: gateway at ${gatewayUrl}, console at ${consoleUrl}/`);
  return () => system.stop();
});
