// Verifies bearer tokens with jose: EdDSA only (so `alg: none` and HS/RS key confusion are refused), the
// configured issuer and audience, and `exp` and `sub` required. Shared by the gateway and the providers.
import type { KeyObject } from 'node:crypto';
import { errors, jwtVerify } from 'jose';
import { ForbiddenError, InvalidTokenError } from './errors';
import { isRole, type Caller, type Role } from './roles';
import { publicKeyOf, TOKEN_ALGORITHM } from './settings';

export interface TokenVerifierOptions {
  authPublicKey: string;
  authIssuer: string;
  authAudience: string;
}

/** Clock skew tolerated between the issuer and this process. */
const CLOCK_TOLERANCE_S = 5;

/** What the caller is told; jose's own messages stay in the error's cause. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return `the token must be signed with ${TOKEN_ALGORITHM}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not valid`;
  return 'the token is malformed';
}

export class TokenVerifier {
  private readonly key: KeyObject;

  constructor(private readonly options: TokenVerifierOptions) {
    this.key = publicKeyOf(options.authPublicKey);
  }

  async verify(token: string): Promise<Caller> {
    const { payload } = await jwtVerify(token, this.key, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: this.options.authIssuer,
      audience: this.options.authAudience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_S,
    }).catch((error: unknown) => {
      throw new InvalidTokenError(describe(error), false, { cause: error });
    });
    const roles: unknown = payload.roles;
    if (!Array.isArray(roles)) throw new InvalidTokenError('the token\'s "roles" claim must be an array');
    return { subject: payload.sub as string, roles: roles.filter(isRole) };
  }

  /** The caller of a request from its Authorization header. */
  authenticate(authorization: string | undefined): Promise<Caller> {
    if (authorization === undefined || authorization === '') {
      return Promise.reject(new InvalidTokenError('send a bearer token: Authorization: Bearer <token>', true));
    }
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization);
    if (!match?.[1]) return Promise.reject(new InvalidTokenError('the Authorization header must be "Bearer <token>"'));
    return this.verify(match[1]);
  }
}

/** Throws ForbiddenError unless the caller has one of `roles`. */
export function requireRole(caller: Caller, roles: readonly Role[]): Caller {
  if (!roles.some((role) => caller.roles.includes(role))) {
    throw new ForbiddenError(`this operation needs the role ${roles.join(' or ')}`);
  }
  return caller;
}
