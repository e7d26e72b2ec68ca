// DEVELOPMENT ONLY. The one committed key pair: it signs and verifies the bearer tokens of `make dev`,
// docker compose and the tests, so the system is secured from a fresh clone without setup. Anyone can
// read it here, so it proves nothing: start-up refuses it when NODE_ENV=production (settings.ts), and a
// real deployment sets AUTH_PUBLIC_KEY (and, where tokens are minted, AUTH_SIGNING_KEY) to its own pair.

/** Ed25519 public key (SPKI PEM) of the development issuer. */
export const DEVELOPMENT_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAdrfzvLLTHfNhvid1/D1nSad+ySxKguU+GE0E40CsJNo=
-----END PUBLIC KEY-----`;

/** Ed25519 private key (PKCS#8 PEM) of the development issuer. DEVELOPMENT ONLY. */
export const DEVELOPMENT_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIKJTxX+wgMKVxWt1AUQvp8kX2gF7UrTeWViH0j8Krs/M
-----END PRIVATE KEY-----`;

/** `iss` and `aud` of development tokens; a deployment names its own issuer and audience. */
export const DEVELOPMENT_ISSUER = 'saga-reference-dev-issuer';
export const DEFAULT_AUDIENCE = 'saga-reference';
