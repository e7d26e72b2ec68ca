// A start-up call to the platform (registering schemas, reaching the broker) backs off while the error
// says "try later", instead of ending the process on the first refusal. Under docker compose a container
// that exits is reported unhealthy until it restarts, and `docker-compose up` gives up on a dependency it
// sees unhealthy: one dropped registry request on a busy first start would fail the whole stack.
import { isRetriable } from '../errors';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from '../kafka/backoff';
import type { Logger } from '../log';

/** Runs `call`, retrying retriable failures with `policy`'s backoff; rethrows the last failure. */
export async function retryAtStart<T>(
  what: string,
  call: () => Promise<T>,
  logger: Logger,
  policy: BackoffPolicy = defaultBackoff,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetriable(error) || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(policy, attempt);
      logger.warn({ err: error, attempt, delayMs }, `${what} failed; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
