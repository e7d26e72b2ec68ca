// RFC 9457 problem details for every error the console's API answers, with the gateway's type identifiers,
// so the page reads every failure the same way. A problem the gateway answered (an order no longer
// cancellable, a reused Idempotency-Key) is passed on as it came; an interface that did not answer is a 503.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { UnexpectedStatusError, type Logger } from '@saga/shared';

// Identifiers to compare, not links to fetch (RFC 9457 §3.1.1); the same as the gateway's.
const TYPE_BASE = 'https://saga-reference.example/problems/';

export const ProblemTypes = {
  validation: { type: `${TYPE_BASE}validation-failed`, title: 'The request is not valid', status: 400 },
  malformedJson: { type: `${TYPE_BASE}malformed-json`, title: 'The body is not valid JSON', status: 400 },
  forbidden: { type: `${TYPE_BASE}forbidden`, title: 'This action is not enabled', status: 403 },
  notFound: { type: `${TYPE_BASE}not-found`, title: 'Not found', status: 404 },
  tooLarge: { type: `${TYPE_BASE}payload-too-large`, title: 'The body is too large', status: 413 },
  unsupportedMediaType: { type: `${TYPE_BASE}unsupported-media-type`, title: 'Unsupported media type', status: 415 },
  unavailable: { type: `${TYPE_BASE}service-unavailable`, title: 'Temporarily unavailable, retry', status: 503 },
  internal: { type: `${TYPE_BASE}internal-error`, title: 'Internal error', status: 500 },
} as const;

export type ProblemKind = keyof typeof ProblemTypes;

export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by routes to answer with a problem; the error middleware renders it. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'HttpProblem';
  }
}

/** A problem another interface answered, passed on with its status and body. */
export class UpstreamProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.detail ?? `answered ${status}`));
    this.name = 'UpstreamProblem';
  }
}

function problemOf(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && 'type' in body && 'detail' in body
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined; // not JSON: not a problem body, so the caller answers a 503 of its own
  }
}

/** Calls a public interface on the page's behalf, turning its failures into answers for the page. */
export async function upstream<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UnexpectedStatusError) {
      const problem = problemOf(error.body);
      if (problem && error.status < 500) throw new UpstreamProblem(error.status, problem);
      throw new HttpProblem(
        'unavailable',
        `${what} answered ${error.status}`,
        { retryAfterSeconds: 1 },
        { cause: error },
      );
    }
    throw new HttpProblem('unavailable', `${what} did not answer`, { retryAfterSeconds: 1 }, { cause: error });
  }
}

function send(res: Response, problem: HttpProblem, instance: string): void {
  const { errors, retryAfterSeconds } = problem.extra;
  if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
  res
    .status(ProblemTypes[problem.kind].status)
    .type('application/problem+json')
    .json({ ...ProblemTypes[problem.kind], detail: problem.detail, instance, ...(errors ? { errors } : {}) });
}

/** Catches every path no route matched. */
export const unknownRoute: RequestHandler = (req) => {
  throw new HttpProblem('notFound', `no resource at ${req.method} ${req.path}`);
};

// body-parser tags its errors with `type`; these are the client's mistakes, not ours.
function fromBodyParser(error: { type?: unknown; limit?: unknown }): HttpProblem | undefined {
  if (error.type === 'entity.parse.failed') return new HttpProblem('malformedJson', 'the body is not valid JSON');
  if (error.type === 'entity.too.large')
    return new HttpProblem('tooLarge', `the body exceeds ${String(error.limit)} bytes`);
  return undefined;
}

/** Renders problems as they are, body-parser errors as 4xx, and anything else as a logged 500. */
export const problemMiddleware =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error); // a stream already answering: let express end it
    if (error instanceof UpstreamProblem) {
      res.status(error.status).type('application/problem+json').json(error.body);
      return;
    }
    const known =
      error instanceof HttpProblem ? error : fromBodyParser((error ?? {}) as { type?: unknown; limit?: unknown });
    if (known) return send(res, known, req.originalUrl);
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    send(res, new HttpProblem('internal', 'the console failed to handle the request'), req.originalUrl);
  };
