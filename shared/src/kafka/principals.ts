// Who may talk to Kafka: one SCRAM principal per application, plus `admin`, the tooling's super user
// (topics, ACLs, `make dlt`, the tests' own topics). The broker's users (infra/native/kafka.sh,
// docker-compose.yml) and the ACL table (acls.ts) are made from this list.

export const KafkaPrincipals = ['admin', 'gateway', 'order', 'inventory', 'payment', 'shipping', 'console'] as const;
export type KafkaPrincipal = (typeof KafkaPrincipals)[number];

/** The principal that may do anything: listed in the broker's super.users. */
export const ADMIN_PRINCIPAL: KafkaPrincipal = 'admin';

/**
 * LOCAL DEVELOPMENT DEFAULTS, not secrets: every stack this repository starts (make dev, the tests,
 * compose) uses them unless KAFKA_PASSWORD_<PRINCIPAL> is set; with NODE_ENV=production a process refuses
 * them (config.ts). The same rule is spelled in kafka.sh and docker-compose.yml, checked by a test.
 */
export function devPassword(principal: KafkaPrincipal): string {
  return `dev-only-${principal}-password`;
}

export function isDevPassword(password: string): boolean {
  return KafkaPrincipals.some((principal) => devPassword(principal) === password);
}

/** `KAFKA_PASSWORD_ORDER`: where the stacks read a principal's password (its dev default otherwise). */
export function passwordVariable(principal: KafkaPrincipal): string {
  return `KAFKA_PASSWORD_${principal.toUpperCase()}`;
}

export function passwordOf(principal: KafkaPrincipal, env: NodeJS.ProcessEnv = process.env): string {
  return env[passwordVariable(principal)] || devPassword(principal);
}
