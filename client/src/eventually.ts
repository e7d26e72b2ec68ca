// Polling until a condition holds: the system is eventually consistent (the gateway's read model follows
// the topics), so every caller that waits for an outcome waits this way, with a bound. The scenarios,
// the console, the benchmark and the tests share this one.
import { WaitTimedOutError } from '@saga/shared';

/**
 * Polls `probe` (sync or async) until it returns a value other than undefined. A probe that throws counts
 * as "not yet" (a 404 before the read model has the order, a process that is restarting); when the time
 * is up, the WaitTimedOutError names the last such error and carries it as its cause.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    // Through a promise, so a probe that throws synchronously is caught like one that rejects.
    const value = await Promise.resolve()
      .then(probe)
      .catch((error: unknown) => {
        lastError = error;
        return undefined;
      });
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const last = lastError === undefined ? '' : ` (last probe failed: ${String(lastError)})`;
      throw new WaitTimedOutError(`condition not met within ${timeoutMs} ms${last}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
