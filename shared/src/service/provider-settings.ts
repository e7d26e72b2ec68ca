// What a service that calls an external provider adds to its config, and the endpoint its client is
// made with: the timeout every call waits, and a breaker counted in the service's metrics.
import { formats, setting, type ConfigOf } from '../config';
import { ProviderBreaker } from '../providers/circuit-breaker';
import type { ProviderEndpoint } from '../providers/http';
import type { ServiceRuntime } from './service-runtime';

/** Settings of a service that calls an external provider through a circuit breaker. */
export const providerSettings = {
  providerTimeoutMs: setting(
    'PROVIDER_TIMEOUT_MS',
    'a provider call unanswered after this long counts as failed',
    10_000,
    formats.int,
  ),
  breakerResetMs: setting('BREAKER_RESET_MS', 'how long an open circuit waits before a probe', 5_000, formats.int),
  providerMaxInFlight: setting(
    'PROVIDER_MAX_IN_FLIGHT',
    'provider calls under way at once at most (a batch calls for its orders concurrently)',
    32,
    formats.int,
  ),
};

export type ProviderConfig = ConfigOf<typeof providerSettings>;

/** The endpoint at `baseUrl`, its calls through a breaker named `breaker` (its metric label and log field). */
export function providerEndpoint(
  runtime: Pick<ServiceRuntime, 'metrics' | 'logger'>,
  config: ProviderConfig,
  breaker: string,
  baseUrl: string,
): ProviderEndpoint {
  return {
    baseUrl,
    timeoutMs: config.providerTimeoutMs,
    maxInFlight: config.providerMaxInFlight,
    breaker: new ProviderBreaker(breaker, runtime.metrics, runtime.logger, { resetTimeoutMs: config.breakerResetMs }),
  };
}
