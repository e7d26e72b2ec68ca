// Fault injection shared by both fake providers: latency, a "down" switch and random 500s, set by tests and
// workshops through /admin/faults. Faults strike before the provider's handler runs, so an injected 500
// records nothing and a later retry can succeed, like a real transient outage.
import { setTimeout as sleep } from 'node:timers/promises';
import { Router, type RequestHandler } from 'express';
import { authorize, Roles, type Logger, type TokenVerifier } from '@saga/shared';
import { invalidRequest, ProviderError, ProviderErrorCodes } from './errors';
import { ProviderLogEvents } from './log-events';
import { jsonObject } from './validate';

export interface Faults {
  /** Delay before every non-admin request is handled. */
  latencyMs: number;
  /** Probability (0..1) that a request is answered 500 instead of handled. */
  errorRate: number;
  /** Answer 503 to every non-admin request. */
  down: boolean;
  /**
   * Answer 400 to every non-admin request, as a provider would after an incompatible API change: a
   * permanent failure the caller dead-letters (and replays once "fixed", i.e. reset).
   */
  rejectAll: boolean;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({ latencyMs: 0, errorRate: 0, down: false, rejectAll: false });

/** Checks a PUT /admin/faults body; unknown keys are refused so a typo cannot silently inject nothing. */
export function parseFaultPatch(body: unknown): Partial<Faults> {
  const patch: Partial<Faults> = {};
  for (const [key, value] of Object.entries(jsonObject(body))) {
    if (key === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw invalidRequest('latencyMs must be an integer >= 0');
      }
      patch.latencyMs = value;
    } else if (key === 'errorRate') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw invalidRequest('errorRate must be in 0..1');
      patch.errorRate = value;
    } else if (key === 'down' || key === 'rejectAll') {
      if (typeof value !== 'boolean') throw invalidRequest(`${key} must be a boolean`);
      patch[key] = value;
    } else {
      throw invalidRequest(`unknown fault "${key}" (expected latencyMs, errorRate, down, rejectAll)`);
    }
  }
  return patch;
}

export class FaultInjector {
  private faults: Faults;

  constructor(
    initial: Partial<Faults> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.faults = { ...NO_FAULTS, ...initial };
  }

  current(): Faults {
    return { ...this.faults };
  }

  merge(patch: Partial<Faults>): Faults {
    this.faults = { ...this.faults, ...patch };
    return this.current();
  }

  /** Clears every fault, including those the process started with: "stop injecting" is what callers mean. */
  reset(): Faults {
    this.faults = { ...NO_FAULTS };
    return this.current();
  }

  middleware(): RequestHandler {
    return async (_req, _res, next) => {
      if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
      // Read after the delay: a test that flips `down` mid-request gets the state at decision time.
      const { down, errorRate, rejectAll } = this.faults;
      if (down) throw new ProviderError(503, ProviderErrorCodes.PROVIDER_DOWN, 'provider is down (injected fault)');
      if (rejectAll) {
        throw new ProviderError(400, ProviderErrorCodes.INJECTED_REJECTION, 'request rejected (injected fault)');
      }
      if (errorRate > 0 && this.random() < errorRate) {
        throw new ProviderError(500, ProviderErrorCodes.INJECTED_FAILURE, 'injected failure; nothing was recorded');
      }
      next();
    };
  }
}

/**
 * PUT merges into the current faults, GET shows them, DELETE clears them; all answer the faults now in
 * force. Each needs an operator's bearer token: the switches take a provider down.
 */
export function faultAdminRoutes(injector: FaultInjector, logger: Logger, verifier: TokenVerifier): Router {
  const router = Router();
  router.use('/admin/faults', authorize(verifier, Roles.operator));
  router.put('/admin/faults', (req, res) => {
    const faults = injector.merge(parseFaultPatch(req.body));
    logger.info({ faults }, ProviderLogEvents.FAULTS_CHANGED);
    res.json(faults);
  });
  router.get('/admin/faults', (_req, res) => {
    res.json(injector.current());
  });
  router.delete('/admin/faults', (_req, res) => {
    const faults = injector.reset();
    logger.info({ faults }, ProviderLogEvents.FAULTS_CHANGED);
    res.json(faults);
  });
  return router;
}
