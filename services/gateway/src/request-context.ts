// Per-request context: an id (the causationId of the commands a request publishes), a child logger
// carrying it, one access-log line and one metric sample per answered request. The access line of a
// request that went well is at debug: at the default level a request's path is for the metrics, the
// console and traces, and only the refused (warn) and failed (error) ones are logged.
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '@saga/shared';
import type { HttpRequestCounter } from './metrics';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      requestId: string;
      log: Logger;
    }
  }
}

/** Requests no route matched share one label, so scanners cannot blow up the metric's cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Client mistakes (4xx) are warnings, the gateway's failures (5xx) errors, everything else debug. */
export function answerLevel(status: number): 'debug' | 'warn' | 'error' {
  if (status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'debug';
}

export const requestContext =
  (logger: Logger, requests: HttpRequestCounter): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint();
    res.locals.requestId = randomUUID();
    res.locals.log = logger.child({ requestId: res.locals.requestId, method: req.method, path: req.path });
    res.set('X-Request-Id', res.locals.requestId);
    res.on('finish', () => {
      const route = typeof req.route?.path === 'string' ? req.route.path : UNMATCHED_ROUTE;
      requests.inc({ route, status: String(res.statusCode) });
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      res.locals.log[answerLevel(res.statusCode)]({ route, status: res.statusCode, durationMs }, 'request answered');
    });
    next();
  };

/** Tags this request's logs (the access line too) with the order or sku it is about. */
export function correlate(res: Response, correlationId: string): Logger {
  res.locals.log = res.locals.log.child({ correlationId });
  return res.locals.log;
}
