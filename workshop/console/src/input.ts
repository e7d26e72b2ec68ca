// What the console's API accepts: JSON bodies of at most 16 KiB and path parameters, each parsed by a
// strict zod schema into a value or refused with a 400 problem that names every bad field.
import express, { type RequestHandler } from 'express';
import type { z } from 'zod';
import { HttpProblem, type FieldError } from './problem';

const parseJson = express.json({ limit: 16 * 1024 });

/** 415 for another media type, 413 past the limit, 400 for malformed JSON. */
export const jsonBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    const sent = req.get('content-type') ?? 'no content type';
    return next(new HttpProblem('unsupportedMediaType', `send the body as application/json, not ${sent}`));
  }
  parseJson(req, res, next);
};

function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const at = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || 'body';
    return issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'is not a known field' }))
      : [{ field: at(issue.path), message: issue.message }];
  });
}

/** The parsed body, or a 400 problem naming every bad field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error);
  throw new HttpProblem('validation', `${errors.length} field(s) are not valid`, { errors });
}

/** A path parameter or header, or a 400 problem naming it (the same body as a bad field). */
export function parseParam<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpProblem('validation', `${name} is not valid`, { errors: fieldErrors(result.error, name) });
}
