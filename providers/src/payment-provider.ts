// `node providers/dist/payment-provider.js`: the fake card processor the payment service charges and
// refunds over HTTP, on PAYMENT_PROVIDER_PORT (8095). Its state lives in memory and dies with the process.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('payment-provider');

import { formats, setting } from '@saga/shared';
import { createPaymentProviderApp } from './payment-app';
import { runProvider } from './serve';

runProvider(
  'payment-provider',
  setting('PAYMENT_PROVIDER_PORT', 'port the fake card processor listens on', 8095, formats.port),
  createPaymentProviderApp,
);
