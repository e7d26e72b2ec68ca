// `node infra/dist/provision-databases.js [drop]`: makes the services' database, roles and schemas on the
// cluster POSTGRES_ADMIN_URL names and prints one `export <SERVICE>_DATABASE_URL='…'` line per service for
// a shell to eval (infra/native/dev.sh does); `drop` removes them again. Idempotent.
import { formats, loadConfig, setting } from '@saga/shared';
import {
  databaseUrlVariable,
  dropServiceDatabases,
  provisionServiceDatabases,
  serviceRoles,
  type DatabaseService,
} from './postgres/service-databases';

const config = loadConfig({
  adminUrl: setting(
    'POSTGRES_ADMIN_URL',
    'a superuser on the cluster (default: the native one of infra/native/postgres.sh)',
    'postgres://postgres@127.0.0.1:5433/postgres',
    formats.url,
  ),
  database: setting('POSTGRES_DATABASE', 'the database that holds every service schema', 'saga', formats.string),
  rolePrefix: setting('POSTGRES_ROLE_PREFIX', 'prefix of each service role and schema', 'saga_', formats.string),
});

// For a local stack: the native cluster trusts loopback and ignores passwords, and any other cluster
// given here is a developer's own. A shared cluster would take its passwords from a secret store.
const password = (role: string) => role;
const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

async function run(command: string | undefined): Promise<void> {
  const target = { adminUrl: config.adminUrl, database: config.database, roles: serviceRoles(config.rolePrefix) };
  if (command === 'drop') {
    await dropServiceDatabases(target);
    console.error(`dropped database ${config.database} and its roles ${Object.values(target.roles).join(', ')}`);
  } else if (command === undefined) {
    const urls = await provisionServiceDatabases({ ...target, password });
    for (const [service, url] of Object.entries(urls)) {
      console.log(`export ${databaseUrlVariable(service as DatabaseService)}=${quote(url)}`);
    }
  } else {
    throw new Error('usage: provision-databases.js [drop]');
  }
}

// Only the export lines go to stdout, since a shell evals them; what went wrong goes to stderr.
run(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
