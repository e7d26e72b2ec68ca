// The local stacks give each service's database role its own name as password (infra/src/provision-databases.ts,
// docker-compose.yml): harmless on a laptop's loopback, a published secret anywhere else. A production process
// refuses such a DATABASE_URL before it connects, as it refuses the development Kafka passwords and keys.
import { ConfigError } from '../errors';

/** Throws a ConfigError naming DATABASE_URL when NODE_ENV=production and the password is the role's name. */
export function refuseDevelopmentDatabasePassword(url: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env['NODE_ENV'] !== 'production' || url === '') return;
  const { username, password } = new URL(url);
  if (password !== '' && decodeURIComponent(password) === decodeURIComponent(username)) {
    throw new ConfigError([
      "DATABASE_URL: the password is the role's name, the local development default; refused with NODE_ENV=production",
    ]);
  }
}
