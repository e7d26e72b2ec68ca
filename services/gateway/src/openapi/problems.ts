// Error answers in the OpenAPI document: the problem kinds an operation can answer, grouped by status,
// each response naming its problem types and carrying one example per kind. Built from ProblemTypes,
// so a new kind or a changed status shows up in the document without being written twice.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { problemSchema, ProblemTypes, type Problem, type ProblemKind } from '../problem';

/** Every operation can fail unexpectedly; documenting it once here keeps the operations short. */
const ALWAYS: readonly ProblemKind[] = ['internal'];

/** Kinds answered with Retry-After (seconds): the client should retry the same request. */
const RETRY_AFTER: readonly ProblemKind[] = ['keyInFlight', 'tooManyRequests', 'unavailable'];

// One realistic detail per kind, as the gateway words it, for the examples.
const exampleDetail: Record<ProblemKind, string> = {
  validation: '1 field(s) are not valid',
  malformedJson: 'the request body could not be parsed as JSON',
  badIdempotencyKey: 'Idempotency-Key must be 1-255 printable ASCII characters',
  unauthorized: 'the token has expired',
  forbidden: 'this operation needs the role operator',
  tooManyRequests: 'too many orders from this caller; retry in 1 s',
  notFound: 'no order 3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11',
  notCancellable: 'order 3f0c8f5e-8a4f-4bde-9c1e-2b8d4a0c9e11 is already CONFIRMED',
  keyInFlight: 'retry once the first request has answered',
  tooLarge: 'the request body exceeds 65536 bytes',
  unsupportedMediaType: 'send the body as application/json, not text/plain',
  keyReused: 'this Idempotency-Key was used for another body',
  unavailable: 'the PlaceOrder command could not be published; nothing was changed, retry the request',
  internal: 'the gateway failed to handle the request',
};

function example(kind: ProblemKind, instance: string): Problem {
  const errors = kind === 'validation' ? { errors: [{ field: 'items[0].quantity', message: 'must be a number' }] } : {};
  return { ...ProblemTypes[kind], detail: exampleDetail[kind], instance, ...errors };
}

/** `https://…/problems/order-not-cancellable` -> `order-not-cancellable`, for descriptions. */
const shortType = (kind: ProblemKind) => ProblemTypes[kind].type.split('/').pop();

const retryAfter = z.object({
  'Retry-After': z.string().meta({ description: 'Seconds to wait before retrying the same request', example: '1' }),
});

const wwwAuthenticate = z.object({
  'WWW-Authenticate': z.string().meta({
    description: 'The bearer challenge (RFC 6750); `error_description` says what was wrong with the token',
    example: 'Bearer realm="saga-gateway", error="invalid_token", error_description="the token has expired"',
  }),
});

/** The responses for `kinds` (plus a 500), one per status, keyed as OpenAPI wants: `'409'`. */
export function problemResponses(instance: string, ...kinds: ProblemKind[]): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of [...kinds, ...ALWAYS]) {
    const status = ProblemTypes[kind].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), kind]);
  }
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.map((kind) => `\`${shortType(kind)}\`: ${ProblemTypes[kind].title}`).join('; '),
      ...(group.some((kind) => RETRY_AFTER.includes(kind)) && { headers: retryAfter }),
      ...(group.includes('unauthorized') && { headers: wwwAuthenticate }),
      content: {
        'application/problem+json': {
          schema: problemSchema,
          examples: Object.fromEntries(group.map((kind) => [kind, { value: example(kind, instance) }])),
        },
      },
    };
  }
  return responses;
}
