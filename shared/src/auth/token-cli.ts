// `make -s token ROLE=customer SUB=c-1`: prints a bearer token from the development issuer (or from
// AUTH_SIGNING_KEY) and nothing else, so `TOKEN=$(make -s token …)` works. Usage errors go to stderr.
import { loadConfig } from '../config';
import { TokenIssuer } from './issuer';
import { isRole, Roles } from './roles';
import { refuseDevelopmentKeys, tokenIssuerSettings } from './settings';

async function main(): Promise<void> {
  const [role = Roles.customer, subject = 'c-1', ttl] = process.argv.slice(2);
  const roles = role.split(',');
  if (!roles.every(isRole)) throw new Error(`ROLE must be one of ${Object.values(Roles).join(', ')} (comma-separated)`);
  if (ttl !== undefined && !/^\d+$/.test(ttl)) throw new Error('TTL must be a number of seconds');
  const config = refuseDevelopmentKeys(loadConfig(tokenIssuerSettings));
  const issuer = new TokenIssuer(config);
  process.stdout.write(`${await issuer.issue(subject, roles, ttl === undefined ? undefined : Number(ttl))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
