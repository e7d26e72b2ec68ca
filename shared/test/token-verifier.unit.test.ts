// The attacks a token verifier must refuse, each against the real jose verification: a forged
// signature, an expired token, `alg: none`, an HMAC token signed with the public key, foreign claims.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import {
  ConfigError,
  DEFAULT_AUDIENCE,
  DEVELOPMENT_ISSUER,
  InvalidTokenError,
  loadConfig,
  refuseDevelopmentKeys,
  TokenIssuer,
  TokenVerifier,
  tokenIssuerSettings,
  tokenVerifierSettings,
} from '@saga/shared';

const verifier = new TokenVerifier(loadConfig(tokenVerifierSettings, {}));
const issuer = new TokenIssuer(loadConfig(tokenIssuerSettings, {}));
const now = () => Math.floor(Date.now() / 1000);

async function refusal(token: string): Promise<InvalidTokenError> {
  const error: unknown = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return error as InvalidTokenError;
}

const claims = (overrides: Record<string, unknown> = {}) =>
  new SignJWT({ roles: ['customer'], ...overrides })
    .setSubject('c-1')
    .setIssuer(DEVELOPMENT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setExpirationTime(now() + 60);

describe('TokenVerifier', () => {
  it('When the token is from the issuer, Then it answers its subject and roles', async () => {
    const caller = await verifier.verify(await issuer.issue('c-1', ['customer']));
    expect(caller).toEqual({ subject: 'c-1', roles: ['customer'] });
  });

  it('When the token is signed with another key, Then it is refused for its signature', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await claims({ roles: ['operator'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(privateKey);
    expect((await refusal(forged)).detail).toBe('the token signature is not valid');
  });

  it('When the token has expired, Then it is refused as expired', async () => {
    const expired = await issuer.issue('c-1', ['customer'], -60);
    expect((await refusal(expired)).detail).toBe('the token has expired');
  });

  it('When the token says alg none, Then it is refused', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['operator'] })
      .setSubject('c-1')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setExpirationTime(now() + 60)
      .encode();
    expect((await refusal(unsigned)).detail).toBe('the token must be signed with EdDSA');
  });

  it('When the token is an HMAC signed with the public key, Then it is refused', async () => {
    const publicPem = Buffer.from(loadConfig(tokenVerifierSettings, {}).authPublicKey);
    const confused = await claims().setProtectedHeader({ alg: 'HS256' }).sign(publicPem);
    expect((await refusal(confused)).detail).toBe('the token must be signed with EdDSA');
  });

  it('When the token has no expiry, Then it is refused', async () => {
    const { authSigningKey } = loadConfig(tokenIssuerSettings, {});
    const { createPrivateKey } = await import('node:crypto');
    const forever = await new SignJWT({ roles: ['customer'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('c-1')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .sign(createPrivateKey(authSigningKey));
    expect((await refusal(forever)).detail).toBe('the token\'s "exp" claim is not valid');
  });

  it('When the token is for another audience, Then it is refused', async () => {
    const other = new TokenIssuer({ ...loadConfig(tokenIssuerSettings, {}), authAudience: 'another-api' });
    expect((await refusal(await other.issue('c-1', ['customer']))).detail).toBe(
      'the token\'s "aud" claim is not valid',
    );
  });

  it('When there is no Authorization header, Then the challenge carries no error code', async () => {
    const error = (await verifier.authenticate(undefined).catch((e: unknown) => e)) as InvalidTokenError;
    expect(error.challenge('saga')).toBe('Bearer realm="saga"');
  });
});

describe('development keys', () => {
  it('When NODE_ENV=production and the development public key is in force, Then start-up names AUTH_PUBLIC_KEY', () => {
    const config = loadConfig(tokenVerifierSettings, {});
    expect(() => refuseDevelopmentKeys(config, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => refuseDevelopmentKeys(config, { NODE_ENV: 'production' })).toThrow(/AUTH_PUBLIC_KEY/);
  });

  it('When NODE_ENV=production and an own key is set, Then start-up goes on', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const own = publicKey.export({ type: 'spki', format: 'pem' }).toString().replace(/\n/g, '\\n');
    const config = loadConfig(tokenVerifierSettings, { AUTH_PUBLIC_KEY: own });
    expect(refuseDevelopmentKeys(config, { NODE_ENV: 'production' })).toBe(config);
  });

  it('When AUTH_PUBLIC_KEY is not an Ed25519 key, Then the configuration names it', () => {
    expect(() => loadConfig(tokenVerifierSettings, { AUTH_PUBLIC_KEY: 'not a key' })).toThrow(/AUTH_PUBLIC_KEY/);
  });
});
