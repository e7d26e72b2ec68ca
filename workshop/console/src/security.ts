// What keeps a page that can change things safe: a strict Content-Security-Policy on everything the
// console serves (no inline script or style, no other origin, not framable), and the CONSOLE_ACTIONS
// switch in front of every route that changes something, off unless set for local use.
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const consoleHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};

/** 403 problem unless the console was started with CONSOLE_ACTIONS=enabled. */
export const requireActions =
  (enabled: boolean): RequestHandler =>
  (_req, _res, next) => {
    if (enabled) return next();
    next(
      new HttpProblem(
        'forbidden',
        "the console's actions are disabled: start the console with CONSOLE_ACTIONS=enabled (local use only)",
      ),
    );
  };
