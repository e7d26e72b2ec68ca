// A circuit breaker (opossum) per external provider. Outages and timeouts count as failures; business
// answers (a decline, a refused address) do not. Open: calls fail fast with CircuitOpenError, which the
// consumer turns into a paused partition; after `resetTimeoutMs` one call probes (half-open) and a
// success closes the breaker again. State changes are logged and exported as a gauge.
import CircuitBreaker from 'opossum';
import { CircuitOpenError, ProviderUnavailableError } from '../errors';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';

export interface BreakerOptions {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage?: number;
  /** Calls in the window before the percentage counts. */
  volumeThreshold?: number;
  resetTimeoutMs?: number;
  rollingWindowMs?: number;
}

export const BreakerStates = { closed: 0, halfOpen: 1, open: 2 } as const;

export class ProviderBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly resetTimeoutMs: number;
  private openedAt = 0;

  constructor(
    readonly name: string,
    metrics: SagaMetrics,
    logger: Logger,
    options: BreakerOptions = {},
  ) {
    this.resetTimeoutMs = options.resetTimeoutMs ?? 5_000;
    this.breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      timeout: false, // ProviderApi enforces its own timeout and reports it as ProviderUnavailableError
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      volumeThreshold: options.volumeThreshold ?? 5,
      resetTimeout: this.resetTimeoutMs,
      rollingCountTimeout: options.rollingWindowMs ?? 10_000,
      // Only outages open the circuit; a request we got wrong is a bug, not a provider failure.
      errorFilter: (error: unknown) => !(error instanceof ProviderUnavailableError),
    });
    const gauge = metrics.circuitState.labels({ breaker: name });
    gauge.set(BreakerStates.closed);
    const log = logger.child({ breaker: name });
    this.breaker.on('open', () => {
      this.openedAt = Date.now();
      gauge.set(BreakerStates.open);
      log.warn({ resetTimeoutMs: this.resetTimeoutMs }, 'circuit opened: pausing calls to the provider');
    });
    this.breaker.on('halfOpen', () => {
      gauge.set(BreakerStates.halfOpen);
      log.info('circuit half-open: probing the provider');
    });
    this.breaker.on('close', () => {
      gauge.set(BreakerStates.closed);
      log.info('circuit closed: provider healthy again');
    });
  }

  async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(work)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        const retryAfterMs = Math.max(100, this.openedAt + this.resetTimeoutMs - Date.now());
        throw new CircuitOpenError(this.name, retryAfterMs);
      }
      throw error;
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
