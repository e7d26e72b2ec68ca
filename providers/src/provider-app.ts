// The frame both fake providers share: one structured log line per request, JSON bodies, /health and
// /admin/faults outside fault injection, then the provider's own API behind the faults, then JSON errors.
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Router,
} from 'express';
import { ForbiddenError, InvalidTokenError, type Logger, type TokenVerifier } from '@saga/shared';
import { ProviderError, ProviderErrorCodes } from './errors';
import { faultAdminRoutes, FaultInjector, type Faults } from './faults';
import { ProviderLogEvents } from './log-events';
import { queryParam, type JsonObject } from './validate';

export interface ProviderAppOptions {
  logger: Logger;
  /** Faults in force from the start (the entry points pass PROVIDER_LATENCY_MS / PROVIDER_ERROR_RATE). */
  faults?: Partial<Faults>;
  /** Verifies the operator tokens /admin/faults needs. */
  verifier: TokenVerifier;
  /** Source of randomness for errorRate; tests pass a fixed sequence. */
  random?: () => number;
}

export function createProviderApp(options: ProviderAppOptions, api: Router): Express {
  const { logger } = options;
  const injector = new FaultInjector(options.faults, options.random);
  const app = express();
  app.disable('x-powered-by');
  app.use(logRequests(logger));
  // Parsed before faults strike, so a request whose caller gives up during injected latency is still
  // handled, as a real provider would: the caller sees a timeout, the provider has charged.
  app.use(express.json());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(faultAdminRoutes(injector, logger, options.verifier));
  app.use(injector.middleware());
  app.use(api);
  app.use((req) => {
    throw new ProviderError(404, ProviderErrorCodes.NOT_FOUND, `no route for ${req.method} ${req.path}`);
  });
  app.use(answerErrors(logger));
  return app;
}

function idempotencyKeyOf(req: Request): string | undefined {
  const fromBody = (req.body as JsonObject | undefined)?.idempotencyKey;
  if (typeof fromBody === 'string') return fromBody;
  try {
    return queryParam(req.query, 'idempotencyKey');
  } catch {
    return undefined; // a repeated query parameter is answered 400 by the route; the log just omits it
  }
}

function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    // 'close' rather than 'finish' so that callers who hang up (timeouts) are logged too.
    res.on('close', () => {
      // Per request only at debug (the provider's records are its journal); a 5xx or a caller who hung
      // up is worth a line at the default level.
      const level = res.statusCode >= 500 || !res.writableFinished ? 'warn' : 'debug';
      logger[level](
        {
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          error: res.locals.errorCode as string | undefined,
          idempotencyKey: idempotencyKeyOf(req),
          durationMs: Math.round(performance.now() - started),
          callerHungUp: !res.writableFinished,
        },
        ProviderLogEvents.REQUEST,
      );
    });
    next();
  };
}

/** body-parser's errors (bad JSON, too large) are http-errors: a 4xx status and `expose`. */
function isClientBodyError(error: unknown): error is { status: number; type?: string; message: string } {
  const candidate = error as { status?: unknown; expose?: unknown } | null;
  return typeof candidate?.status === 'number' && candidate.status < 500 && candidate.expose === true;
}

function toProviderError(error: unknown): ProviderError | undefined {
  if (error instanceof ProviderError) return error;
  if (error instanceof InvalidTokenError) return new ProviderError(401, ProviderErrorCodes.UNAUTHORIZED, error.detail);
  if (error instanceof ForbiddenError) return new ProviderError(403, ProviderErrorCodes.FORBIDDEN, error.detail);
  if (isClientBodyError(error)) {
    const code =
      error.type === 'entity.parse.failed' ? ProviderErrorCodes.INVALID_JSON : ProviderErrorCodes.INVALID_REQUEST;
    return new ProviderError(error.status, code, error.message);
  }
  return undefined;
}

function answerErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    let answer = toProviderError(error);
    if (!answer) {
      logger.error({ err: error }, ProviderLogEvents.UNEXPECTED_ERROR);
      answer = new ProviderError(500, ProviderErrorCodes.INTERNAL, 'internal error');
    }
    res.locals.errorCode = answer.code;
    if (error instanceof InvalidTokenError) res.set('WWW-Authenticate', error.challenge('saga-providers'));
    res.status(answer.status).json(answer);
  };
}
