// What each launched process holds of the databases: its own DATABASE_URL and nothing else. The supervisor
// spawns with the launcher's environment under each process's own (supervisor.ts), and `make dev
// STORE=postgres` exports every service's URL there, maybe the superuser's too: blank values mask them.
import { defaultPorts } from '@saga/client';
import { DatabaseServices, databaseUrlVariable } from '../src/postgres/service-databases';
import { systemProcesses } from '../src/launcher/system';

const urlOf = (service: string) => `postgres://saga_${service}:pw-${service}@127.0.0.1:5433/saga`;
const databaseUrls = Object.fromEntries(DatabaseServices.map((service) => [service, urlOf(service)])) as Record<
  (typeof DatabaseServices)[number],
  string
>;

describe('the database URLs the launcher hands its processes', () => {
  const processes = systemProcesses({
    kafkaBrokers: 'k',
    registryUrl: 'r',
    dataDir: '/data',
    ports: defaultPorts,
    tracing: { zipkinUrl: 'http://127.0.0.1:9411' },
    instances: 2,
    databaseUrls,
  });

  it("blanks the superuser's URL and every service's URL variable in every process, providers and console too", () => {
    const masked = ['POSTGRES_ADMIN_URL', ...DatabaseServices.map(databaseUrlVariable)];
    for (const { name, env } of processes) {
      expect({ name, ...Object.fromEntries(masked.map((variable) => [variable, env[variable]])) }).toEqual({
        name,
        ...Object.fromEntries(masked.map((variable) => [variable, ''])),
      });
    }
  });

  it("gives each service's processes, and the gateway, their own role's URL as DATABASE_URL, and no other", () => {
    const own = processes
      .filter(({ env }) => env.DATABASE_URL !== undefined)
      .map(({ name, env }) => [name, env.DATABASE_URL]);

    expect(own).toEqual(
      [...['order', 'inventory', 'payment', 'shipping'].flatMap((s) => [`${s}-1`, `${s}-2`]), 'gateway'].map((name) => [
        name,
        urlOf(name.replace(/-\d$/, '')),
      ]),
    );
    // No other variable carries a role's password either.
    for (const { env } of processes) {
      expect(Object.values(env).filter((value) => value.includes(':pw-')).length).toBeLessThanOrEqual(1);
    }
  });
});
