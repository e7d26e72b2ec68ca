// Exponential backoff with "equal jitter" (each delay between half and all of its ceiling), bounded: spreads
// the retries of many consumers after an outage without ever retrying at once.
export interface BackoffPolicy {
  /** Total attempts including the first; after the last one the record is dead-lettered. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoff: BackoffPolicy = { maxAttempts: 8, initialDelayMs: 200, maxDelayMs: 10_000 };

/** Delay before attempt `attempt + 1`, given that `attempt` (1-based) just failed. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
