// Composition root of the payment service: config, store, provider client, handlers. No business logic.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('payment');

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
import { onOrderCancelled } from './handlers/OrderCancelled';
import { onOrderPlaced } from './handlers/OrderPlaced';
import { onStockReserved } from './handlers/StockReserved';
import { PaymentProviderClient } from './provider-client';
import { PAYMENT_MIGRATIONS, SqlPaymentStore } from './store';

const config = loadConfig({
  ...serviceSettings,
  providerUrl: setting(
    'PAYMENT_PROVIDER_URL',
    'base URL of the payment provider API',
    'http://127.0.0.1:8095',
    formats.url,
  ),
  ...providerSettings,
});

const runtime = new ServiceRuntime({
  // Name, group, produces and consumes from shared/src/topology.ts; start() fails unless .on() covers consumes.
  ...Applications.payment,
  migrations: PAYMENT_MIGRATIONS,
  config,
});

runProcess(runtime.logger, async () => {
  const deps = {
    store: new SqlPaymentStore(runtime.db),
    provider: new PaymentProviderClient(providerEndpoint(runtime, config, 'payment-provider', config.providerUrl)),
  };
  runtime
    .on('OrderPlaced', onOrderPlaced(deps))
    .on('StockReserved', onStockReserved(deps))
    .on('OrderCancelled', onOrderCancelled(deps));
  await runtime.start();
  return () => runtime.stop();
});
