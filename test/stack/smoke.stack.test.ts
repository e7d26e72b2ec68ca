// The smoke suite against an already running system, native or compose: `make test-e2e` (defaults to
// the native ports, which the compose stack publishes too). Nothing is started or stopped here.
import { describeSmoke } from './smoke';

const env = (name: string, fallback: string): string => process.env[name] ?? fallback;

describeSmoke(() => ({
  gatewayUrl: env('GATEWAY_URL', 'http://127.0.0.1:8080'),
  paymentProviderUrl: env('PAYMENT_PROVIDER_URL', 'http://127.0.0.1:8095'),
  carrierUrl: env('CARRIER_URL', 'http://127.0.0.1:8096'),
}));
