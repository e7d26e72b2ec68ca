// How the document states who may call what: one `bearerAuth` scheme (a JWT from the issuer) and, per
// operation, one security requirement per role that may call it (OpenAPI 3.1 lets a non-OAuth scheme
// list role names; alternatives are separate requirements). Open operations say `security: []`.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Role } from '@saga/shared';

export const BEARER_AUTH = 'bearerAuth';

export function registerBearerAuth(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', BEARER_AUTH, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A JWT signed with EdDSA (Ed25519) by the configured issuer, with `sub` (for a customer, the customer id), ' +
      '`roles` (`customer`, `operator`), `iss`, `aud` and `exp`. Locally: `make -s token ROLE=customer SUB=c-1`. ' +
      'Missing or invalid: 401 with `WWW-Authenticate`; valid without the role: 403.',
  });
}

/** The operation needs a bearer token with one of `roles`. */
export const requires = (...roles: Role[]) => ({
  security: roles.map((role) => ({ [BEARER_AUTH]: [role] })),
});

/** The operation is open: no token needed. */
export const open = { security: [] };
