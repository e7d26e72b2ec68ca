// The smoke suite against an already running system, native or compose: `make test-e2e` (defaults to
// the native ports, which the compose stack publishes too). Nothing is started or stopped here. Where the
// system answers comes from the same variables every client reads (GATEWAY_URL, PAYMENT_PROVIDER_URL, ...).
import { endpointSettings } from '@saga/client';
import { loadConfig } from '@saga/shared';
import { describeSmoke } from './smoke';

describeSmoke(() => loadConfig(endpointSettings));
