// `node providers/dist/carrier.js`: the fake shipping carrier the shipping service books and cancels
// shipments with over HTTP, on CARRIER_PORT (8096). Its state lives in memory and dies with the process.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('carrier');

import { formats, setting } from '@saga/shared';
import { createCarrierApp } from './carrier-app';
import { runProvider } from './serve';

runProvider(
  'carrier',
  setting('CARRIER_PORT', 'port the fake carrier listens on', 8096, formats.port),
  createCarrierApp,
);
