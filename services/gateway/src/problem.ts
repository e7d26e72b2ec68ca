// RFC 9457 problem details: every 4xx/5xx the gateway answers is application/problem+json with a
// type from the closed list below, so clients branch on `type`, never on `title` or `detail` text.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { ForbiddenError, InvalidTokenError, type Logger } from '@saga/shared';

/** The realm of the gateway's `WWW-Authenticate` challenges. */
export const AUTH_REALM = 'saga-gateway';

// Problem types are identifiers, not links (RFC 9457 §3.1.1): clients compare them, never fetch them.
const TYPE_BASE = 'https://saga-reference.example/problems/';

export const ProblemTypes = {
  validation: { type: `${TYPE_BASE}validation-failed`, title: 'The request is not valid', status: 400 },
  malformedJson: { type: `${TYPE_BASE}malformed-json`, title: 'The body is not valid JSON', status: 400 },
  badIdempotencyKey: { type: `${TYPE_BASE}invalid-idempotency-key`, title: 'Invalid Idempotency-Key', status: 400 },
  unauthorized: { type: `${TYPE_BASE}unauthorized`, title: 'A valid bearer token is required', status: 401 },
  forbidden: { type: `${TYPE_BASE}forbidden`, title: 'The token does not allow this operation', status: 403 },
  notFound: { type: `${TYPE_BASE}not-found`, title: 'Not found', status: 404 },
  notCancellable: {
    type: `${TYPE_BASE}order-not-cancellable`,
    title: 'The order can no longer be cancelled',
    status: 409,
  },
  keyInFlight: {
    type: `${TYPE_BASE}idempotency-key-in-flight`,
    title: 'A request with this key is in progress',
    status: 409,
  },
  tooLarge: { type: `${TYPE_BASE}payload-too-large`, title: 'The body is too large', status: 413 },
  unsupportedMediaType: { type: `${TYPE_BASE}unsupported-media-type`, title: 'Unsupported media type', status: 415 },
  keyReused: {
    type: `${TYPE_BASE}idempotency-key-reused`,
    title: 'Idempotency-Key reused for another request',
    status: 422,
  },
  tooManyRequests: { type: `${TYPE_BASE}too-many-requests`, title: 'Too many requests, retry later', status: 429 },
  unavailable: { type: `${TYPE_BASE}service-unavailable`, title: 'Temporarily unavailable, retry', status: 503 },
  internal: { type: `${TYPE_BASE}internal-error`, title: 'Internal error', status: 500 },
} as const;

export type ProblemKind = keyof typeof ProblemTypes;

/** The body of every error answer; the OpenAPI document's `Problem` is generated from it. */
export const problemSchema = z
  .object({
    type: z.enum(Object.values(ProblemTypes).map((problem) => problem.type) as [string, ...string[]]).meta({
      description: 'What went wrong, as an identifier to branch on (not a link to fetch)',
    }),
    title: z.string().meta({ description: 'The same for every problem of this type' }),
    status: z.int().meta({ description: 'The HTTP status code' }),
    detail: z.string().meta({ description: 'This occurrence, for people' }),
    instance: z.string().optional().meta({ description: 'The request path' }),
    errors: z
      .array(
        z.object({
          field: z.string().meta({ description: 'As a client addresses it, e.g. `items[0].quantity`' }),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'Every bad field, when the body was not valid' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

export type Problem = z.infer<typeof problemSchema>;

/** One bad input field, named as a client would address it: `items[0].quantity`. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** Thrown by routes to answer with a problem; the error middleware renders it. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; wwwAuthenticate?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'HttpProblem';
  }

  toProblem(instance: string): Problem {
    const { errors } = this.extra;
    return { ...ProblemTypes[this.kind], detail: this.detail, instance, ...(errors ? { errors } : {}) };
  }
}

export function sendProblem(res: Response, problem: HttpProblem, instance: string): void {
  if (problem.extra.retryAfterSeconds !== undefined) res.set('Retry-After', String(problem.extra.retryAfterSeconds));
  if (problem.extra.wwwAuthenticate !== undefined) res.set('WWW-Authenticate', problem.extra.wwwAuthenticate);
  res.status(ProblemTypes[problem.kind].status).type('application/problem+json').json(problem.toProblem(instance));
}

/** Catches every path no route matched. */
export const unknownRoute: RequestHandler = (req) => {
  throw new HttpProblem('notFound', `no resource at ${req.method} ${req.path}`);
};

/** RFC 6750: no valid token is 401 with a challenge; a valid one without the role is 403. */
function fromAuth(error: unknown): HttpProblem | undefined {
  if (error instanceof InvalidTokenError) {
    return new HttpProblem('unauthorized', error.detail, { wwwAuthenticate: error.challenge(AUTH_REALM) });
  }
  if (error instanceof ForbiddenError) return new HttpProblem('forbidden', error.detail);
  return undefined;
}

// body-parser tags its errors with `type`; these are the client's mistakes, not ours.
function fromBodyParser(error: { type?: unknown; limit?: unknown }): HttpProblem | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem('malformedJson', 'the request body could not be parsed as JSON');
    case 'entity.too.large':
      return new HttpProblem('tooLarge', `the request body exceeds ${String(error.limit)} bytes`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpProblem('unsupportedMediaType', 'send the body as UTF-8 JSON without an unsupported encoding');
    default:
      return undefined;
  }
}

/** Renders HttpProblems as they are, body-parser errors as 4xx, and anything else as a logged 500. */
export const problemMiddleware =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error); // too late for a problem body: let express end the response
    const known =
      error instanceof HttpProblem
        ? error
        : (fromAuth(error) ?? fromBodyParser((error ?? {}) as { type?: unknown; limit?: unknown }));
    if (known) {
      sendProblem(res, known, req.originalUrl);
      return;
    }
    const log: Logger = res.locals.log ?? logger;
    log.error({ err: error }, 'request failed');
    sendProblem(res, new HttpProblem('internal', 'the gateway failed to handle the request'), req.originalUrl);
  };
