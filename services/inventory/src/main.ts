// Composition root of the inventory service: config, catalog seed, store, handlers. No business logic.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('inventory');

import path from 'node:path';
import { Applications, ServiceRuntime, formats, loadConfig, runProcess, serviceSettings, setting } from '@saga/shared';
import { readCatalog, seedCatalog } from './catalog';
import { onOrderCancelled } from './handlers/OrderCancelled';
import { onOrderConfirmed } from './handlers/OrderConfirmed';
import { onOrderPlaced } from './handlers/OrderPlaced';
import { onRestockProduct } from './handlers/RestockProduct';
import { INVENTORY_MIGRATIONS, SqlInventoryStore } from './store';

const config = loadConfig({
  ...serviceSettings,
  catalogFile: setting(
    'INVENTORY_CATALOG_FILE',
    'JSON seed of the products, added to the store when it does not have them yet',
    path.resolve(__dirname, '../catalog.json'),
    formats.string,
  ),
});

const runtime = new ServiceRuntime({
  // Name, group, produces and consumes from shared/src/topology.ts; start() fails unless .on() covers consumes.
  ...Applications.inventory,
  migrations: INVENTORY_MIGRATIONS,
  config,
});

runProcess(runtime.logger, async () => {
  const catalog = readCatalog(config.catalogFile); // before connecting: a bad seed fails fast
  const store = new SqlInventoryStore(runtime.db);
  runtime
    .on('OrderPlaced', onOrderPlaced(store))
    .on('OrderCancelled', onOrderCancelled(store))
    .on('OrderConfirmed', onOrderConfirmed(store))
    .on('RestockProduct', onRestockProduct(store));
  // Seed before consuming, so an order waiting on the topic never meets an empty catalog.
  await runtime.start(() =>
    seedCatalog(catalog, store, runtime.messaging, runtime.logger.child({ component: 'catalog' })),
  );
  return () => runtime.stop();
});
