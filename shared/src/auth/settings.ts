// Where the keys come from: AUTH_PUBLIC_KEY for the processes that verify tokens (gateway, providers),
// AUTH_SIGNING_KEY for those that mint them (`make token`, the console, the tests). Both default to the
// committed development pair, so `make dev` and compose are secured without setup; with
// NODE_ENV=production a development key is a ConfigError naming the variable.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { formats, setting } from '../config';
import { ConfigError } from '../errors';
import {
  DEFAULT_AUDIENCE,
  DEVELOPMENT_ISSUER,
  DEVELOPMENT_PUBLIC_KEY,
  DEVELOPMENT_SIGNING_KEY,
} from './development-keys';

/** A PEM as an environment variable carries it: real newlines, or `\n` escapes on one line. */
const pem = (raw: string): string => raw.replace(/\\n/g, '\n').trim();

/** The one algorithm tokens are signed with; anything else, `none` included, is refused. */
export const TOKEN_ALGORITHM = 'EdDSA';

function ed25519(key: KeyObject, kind: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 ${kind} key (${TOKEN_ALGORITHM})`);
  return key;
}

export const publicKeyOf = (raw: string): KeyObject => ed25519(createPublicKey(pem(raw)), 'public');
export const signingKeyOf = (raw: string): KeyObject => ed25519(createPrivateKey(pem(raw)), 'private');

const checked =
  (parse: (raw: string) => KeyObject) =>
  (raw: string): string => {
    parse(raw);
    return pem(raw);
  };

const claimSettings = {
  authIssuer: setting('AUTH_ISSUER', 'the `iss` every bearer token must carry', DEVELOPMENT_ISSUER, formats.string),
  authAudience: setting('AUTH_AUDIENCE', 'the `aud` every bearer token must carry', DEFAULT_AUDIENCE, formats.string),
};

/** For processes that verify bearer tokens. */
export const tokenVerifierSettings = {
  ...claimSettings,
  authPublicKey: setting(
    'AUTH_PUBLIC_KEY',
    'Ed25519 public key (SPKI PEM) that bearer tokens are verified with; default: the DEVELOPMENT ONLY key',
    DEVELOPMENT_PUBLIC_KEY,
    checked(publicKeyOf),
  ),
};

/** For processes that mint bearer tokens. */
export const tokenIssuerSettings = {
  ...claimSettings,
  authSigningKey: setting(
    'AUTH_SIGNING_KEY',
    'Ed25519 private key (PKCS#8 PEM) that bearer tokens are signed with; default: the DEVELOPMENT ONLY key',
    DEVELOPMENT_SIGNING_KEY,
    checked(signingKeyOf),
  ),
};

const sameKey = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');

/**
 * Throws when NODE_ENV=production and a key is the committed development one (set or defaulted):
 * a token anyone can mint from this repository must not open a production system.
 */
export function refuseDevelopmentKeys<C extends { authPublicKey?: string; authSigningKey?: string }>(
  config: C,
  env: NodeJS.ProcessEnv = process.env,
): C {
  if (env.NODE_ENV !== 'production') return config;
  const problems: string[] = [];
  if (config.authPublicKey !== undefined && sameKey(config.authPublicKey, DEVELOPMENT_PUBLIC_KEY)) {
    problems.push('AUTH_PUBLIC_KEY: the DEVELOPMENT ONLY key is refused when NODE_ENV=production; set your own');
  }
  if (config.authSigningKey !== undefined && sameKey(config.authSigningKey, DEVELOPMENT_SIGNING_KEY)) {
    problems.push('AUTH_SIGNING_KEY: the DEVELOPMENT ONLY key is refused when NODE_ENV=production; set your own');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
