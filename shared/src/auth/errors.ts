// The two ways a caller is refused, as the HTTP layer answers them (RFC 6750): no valid token is 401
// with a `WWW-Authenticate` challenge, a valid token without the role is 403. Neither is retriable:
// the same request with the same token is refused again.
import { ErrorCodes, SagaError } from '../errors';

/** Missing, malformed, badly signed, expired or foreign token. `detail` is safe to show the caller. */
export class InvalidTokenError extends SagaError {
  static readonly code = ErrorCodes.AUTH_INVALID_TOKEN;
  readonly code = InvalidTokenError.code;
  readonly retriable = false;

  constructor(
    readonly detail: string,
    /** No Authorization header at all: the challenge then carries no error code (RFC 6750 §3.1). */
    readonly missing = false,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }

  /** The `WWW-Authenticate` value of the 401. */
  challenge(realm: string): string {
    if (this.missing) return `Bearer realm="${realm}"`;
    return `Bearer realm="${realm}", error="invalid_token", error_description="${this.detail.replace(/["\\]/g, '')}"`;
  }
}

/** A verified caller without any of the roles the operation needs. */
export class ForbiddenError extends SagaError {
  static readonly code = ErrorCodes.AUTH_FORBIDDEN;
  readonly code = ForbiddenError.code;
  readonly retriable = false;

  constructor(readonly detail: string) {
    super(detail);
  }
}
