// Request bodies are JSON only, at most 64 KiB: anything else is refused before it is parsed.
import express, { type RequestHandler } from 'express';
import { HttpProblem } from '../problem';

export const MAX_BODY_BYTES = 64 * 1024;

const parseJson = express.json({ limit: MAX_BODY_BYTES });

/** 415 for another media type, 413 past the limit, 400 for malformed JSON (see problem.ts). */
export const jsonBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    const sent = req.get('content-type') ?? 'no content type';
    return next(new HttpProblem('unsupportedMediaType', `send the body as application/json, not ${sent}`));
  }
  parseJson(req, res, next);
};
