// Bearer tokens: verification (gateway, providers), issuing (dev issuer, console, tests), key settings.
export * from './errors';
export * from './roles';
export { tokenVerifierSettings, tokenIssuerSettings, refuseDevelopmentKeys, TOKEN_ALGORITHM } from './settings';
export { TokenVerifier, requireRole, type TokenVerifierOptions } from './verifier';
export { TokenIssuer, DEFAULT_TOKEN_TTL_S, type TokenIssuerOptions } from './issuer';
export { authorize } from './express';
export { DEVELOPMENT_ISSUER, DEFAULT_AUDIENCE } from './development-keys';
