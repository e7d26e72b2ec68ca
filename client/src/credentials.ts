// The bearer tokens a client presents. Orders are placed by their customer (the token's subject is the
// order's customerId); everything else a tool does (read any order, cancel, restock, rebuild, fault
// switches) it does as an operator. `issuedCredentials` mints both with an issuer's signing key — the
// DEVELOPMENT ONLY key unless AUTH_SIGNING_KEY names another — for the tools that stand in for a sign-in:
// the console, the scenarios, the benchmark and the tests.
import {
  loadConfig,
  refuseDevelopmentKeys,
  Roles,
  TokenIssuer,
  tokenIssuerSettings,
  type Role,
  type TokenIssuerOptions,
} from '@saga/shared';

export interface Credentials {
  /** A token whose subject is `customerId`, with the role customer. */
  customer(customerId: string): Promise<string>;
  /** A token with the role operator. */
  operator(): Promise<string>;
}

export interface IssuedCredentialsOptions {
  /** The operator's subject, as the gateway's logs and the providers' will show it. */
  operatorSubject?: string;
  /** Lifetime of each token; one is minted again once less than a fifth of it is left. */
  ttlSeconds?: number;
  /** Default: from AUTH_SIGNING_KEY, AUTH_ISSUER, AUTH_AUDIENCE (development defaults). */
  issuer?: TokenIssuerOptions;
}

const DEFAULT_TTL_S = 15 * 60;

export function issuedCredentials(options: IssuedCredentialsOptions = {}): Credentials {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_S;
  const issuer = new TokenIssuer(options.issuer ?? refuseDevelopmentKeys(loadConfig(tokenIssuerSettings)));
  // One token per subject and role, reused until near its expiry: a load test places thousands of
  // orders for a handful of customers and must not sign each one.
  const cached = new Map<string, { token: Promise<string>; renewAt: number }>();
  const token = (subject: string, role: Role): Promise<string> => {
    const key = `${role}\n${subject}`;
    const hit = cached.get(key);
    if (hit && Date.now() < hit.renewAt) return hit.token;
    const minted = issuer.issue(subject, [role], ttlSeconds);
    cached.set(key, { token: minted, renewAt: Date.now() + ttlSeconds * 800 });
    return minted;
  };
  return {
    customer: (customerId) => token(customerId, Roles.customer),
    operator: () => token(options.operatorSubject ?? 'operator', Roles.operator),
  };
}

/** The Authorization header of `token`. */
export const bearerHeader = async (token: Promise<string> | undefined): Promise<Record<string, string>> =>
  token === undefined ? {} : { authorization: `Bearer ${await token}` };
