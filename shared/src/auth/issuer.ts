// Mints bearer tokens: the development issuer behind `make token`, the console's own sign-in and the
// tests' callers. Whoever holds the signing key can be anyone, so only trusted processes get one.
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from './roles';
import { signingKeyOf, TOKEN_ALGORITHM } from './settings';

export interface TokenIssuerOptions {
  authSigningKey: string;
  authIssuer: string;
  authAudience: string;
}

/** Lifetime of a token when the caller names none: long enough for a workshop's curl session. */
export const DEFAULT_TOKEN_TTL_S = 60 * 60;

export class TokenIssuer {
  private readonly key: KeyObject;

  constructor(private readonly options: TokenIssuerOptions) {
    this.key = signingKeyOf(options.authSigningKey);
  }

  issue(subject: string, roles: readonly Role[], ttlSeconds = DEFAULT_TOKEN_TTL_S): Promise<string> {
    return new SignJWT({ roles: [...roles] })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(this.options.authIssuer)
      .setAudience(this.options.authAudience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }
}
