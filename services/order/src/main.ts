// Composition root of the order service: config, event store, handlers, deadline watcher, history
// query. No business logic.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('order');

import { Applications, ServiceRuntime, formats, loadConfig, runProcess, serviceSettings, setting } from '@saga/shared';
import { DeadlineWatcher } from './deadline';
import { EventStoreOutbox } from './event-store-outbox';
import { onCancelOrder } from './handlers/CancelOrder';
import { onPaymentFailed } from './handlers/PaymentFailed';
import { onPlaceOrder } from './handlers/PlaceOrder';
import { onShipmentFailed } from './handlers/ShipmentFailed';
import { onShipmentScheduled } from './handlers/ShipmentScheduled';
import { onStockReservationFailed } from './handlers/StockReservationFailed';
import { onStockReserved } from './handlers/StockReserved';
import { historyRoutes } from './http';
import { ORDER_MIGRATIONS, SqlOrderStore } from './store';

const config = loadConfig({
  ...serviceSettings,
  orderTimeoutMs: setting(
    'ORDER_TIMEOUT_MS',
    'a PENDING order older than this is cancelled as TIMED_OUT',
    30_000,
    formats.int,
  ),
});

const runtime = new ServiceRuntime({
  // Name, group, produces and consumes from shared/src/topology.ts; start() fails unless .on() covers consumes.
  ...Applications.order,
  migrations: ORDER_MIGRATIONS,
  config,
  // The event store is the outbox: the relay publishes the order's own events from their streams.
  outbox: (db) => new EventStoreOutbox(db),
});

runProcess(runtime.logger, async () => {
  const store = new SqlOrderStore(runtime.db, config.orderTimeoutMs);
  runtime
    .on('PlaceOrder', onPlaceOrder(store))
    .on('CancelOrder', onCancelOrder(store))
    .on('StockReserved', onStockReserved(store))
    .on('StockReservationFailed', onStockReservationFailed(store))
    .on('PaymentFailed', onPaymentFailed(store))
    .on('ShipmentScheduled', onShipmentScheduled(store))
    .on('ShipmentFailed', onShipmentFailed(store))
    .serve(historyRoutes(store));
  const deadlines = new DeadlineWatcher(store, runtime.messaging, runtime.logger.child({ component: 'deadline' }));
  await runtime.start();
  deadlines.start();
  return async () => {
    await deadlines.stop();
    await runtime.stop();
  };
});
