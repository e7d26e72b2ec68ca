// Composition root of the shipping service: config, store, carrier client, handlers. No business logic.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('shipping');

import {
  Applications,
  ServiceRuntime,
  formats,
  loadConfig,
  providerEndpoint,
  providerSettings,
  runProcess,
  serviceSettings,
  setting,
} from '@saga/shared';
import { CarrierClient } from './carrier-client';
import { onOrderCancelled } from './handlers/OrderCancelled';
import { onOrderPlaced } from './handlers/OrderPlaced';
import { onPaymentCompleted } from './handlers/PaymentCompleted';
import { SHIPPING_MIGRATIONS, SqlShipmentStore } from './store';

const config = loadConfig({
  ...serviceSettings,
  carrierUrl: setting('CARRIER_URL', 'base URL of the carrier API', 'http://127.0.0.1:8096', formats.url),
  ...providerSettings,
});

const runtime = new ServiceRuntime({
  // Name, group, produces and consumes from shared/src/topology.ts; start() fails unless .on() covers consumes.
  ...Applications.shipping,
  migrations: SHIPPING_MIGRATIONS,
  config,
});

runProcess(runtime.logger, async () => {
  const deps = {
    store: new SqlShipmentStore(runtime.db),
    carrier: new CarrierClient(providerEndpoint(runtime, config, 'carrier', config.carrierUrl)),
  };
  runtime
    .on('OrderPlaced', onOrderPlaced(deps))
    .on('PaymentCompleted', onPaymentCompleted(deps))
    .on('OrderCancelled', onOrderCancelled(deps));
  await runtime.start();
  return () => runtime.stop();
});
