// Per-caller rate limit on POST /orders: a token bucket per token subject, in memory. A bucket refills
// at `perSecond` up to `burst`; a request takes one token or is answered 429 with Retry-After. A few
// lines rather than express-rate-limit: its stores count fixed windows, and the key here is the
// verified caller, known only after authentication.
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `caller`: 0 when allowed, else the seconds until one is available. */
  take(caller: string): number {
    const now = this.now();
    const { perSecond, burst } = this.limit;
    const bucket = this.buckets.get(caller) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  /** Forgets the buckets that have refilled: a full bucket is the same as none, so memory stays bounded. */
  prune(): void {
    const now = this.now();
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) {
        this.buckets.delete(caller);
      }
    }
  }
}

/** After `authorize`: limits by the verified caller's subject. */
export function rateLimitByCaller(buckets: TokenBuckets): RequestHandler {
  const pruning = setInterval(() => buckets.prune(), 60_000);
  pruning.unref();
  return (_req, res, next) => {
    const waitSeconds = buckets.take(res.locals.caller.subject);
    if (waitSeconds > 0) {
      throw new HttpProblem('tooManyRequests', `too many orders from this caller; retry in ${waitSeconds} s`, {
        retryAfterSeconds: waitSeconds,
      });
    }
    next();
  };
}
