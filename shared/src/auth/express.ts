// The express guard both the gateway and the providers put in front of a protected route: it verifies
// the bearer token, checks the role and leaves the caller in `res.locals.caller`. Refusals are thrown as
// InvalidTokenError / ForbiddenError for each app's own error renderer (problem+json, provider JSON).
import type { RequestHandler } from 'express';
import type { Caller, Role } from './roles';
import { requireRole, type TokenVerifier } from './verifier';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by `authorize` on protected routes. */
      caller: Caller;
    }
  }
}

/** Generic in the route's params, so a route's own handler keeps its typed `req.params`. */
export function authorize<P = Record<string, string>>(verifier: TokenVerifier, ...roles: Role[]): RequestHandler<P> {
  return async (req, res, next) => {
    res.locals.caller = requireRole(await verifier.authenticate(req.get('authorization')), roles);
    next();
  };
}
