// Polling until a condition holds: the system is eventually consistent (the gateway's read model follows
// the topics), so every caller that waits for an outcome waits this way, with a bound.
import { WaitTimedOutError } from '@saga/shared';

/** Polls `probe` until it returns a value; a probe that throws counts as "not yet". */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      lastError = error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new WaitTimedOutError(`condition not met within ${timeoutMs} ms`, { cause: lastError });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
