// One list of Kafka principals, spelled in four places (shared/src/kafka/principals.ts, infra/native/lib.sh,
// docker-compose.yml, the launcher): they must agree, or a process meets a broker that does not know it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultPorts } from '@saga/client';
import { KafkaPrincipals, devPassword } from '@saga/shared';
import { systemProcesses } from '../src/launcher/system';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
type Env = Record<string, string>;
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, { environment?: Env }>;
};
const composeEnv = (name: string): Env => compose.services[name]?.environment ?? {};
/** `${VAR:-default}` with nothing exported: the default. */
const resolved = (value: string | undefined): string => String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1');

describe('Kafka principals', () => {
  it('are the users the native broker is formatted with, each with its development default', () => {
    const lib = read('infra/native/lib.sh');

    expect(/^PRINCIPALS="([^"]+)"/m.exec(lib)?.[1]?.split(' ')).toEqual([...KafkaPrincipals]);
    expect(lib).toContain('echo "${!var:-dev-only-$1-password}"');
    expect(devPassword('order')).toBe('dev-only-order-password');
  });

  it('are the users the compose broker is formatted with, with the same development defaults', () => {
    const kafka = composeEnv('kafka');

    expect(kafka['SCRAM_USERS']?.split(' ')).toEqual([...KafkaPrincipals]);
    for (const principal of KafkaPrincipals) {
      expect(resolved(kafka[`SCRAM_PASSWORD_${principal.toUpperCase()}`])).toBe(devPassword(principal));
    }
  });

  it('give each process in compose and natively its own principal, the same in both', () => {
    const native = systemProcesses({
      kafkaBrokers: 'k',
      registryUrl: 'r',
      dataDir: 'd',
      ports: defaultPorts,
      tracing: { zipkinUrl: 'z' },
    }).filter((spec) => spec.env['KAFKA_BROKERS']);

    expect(native.map((spec) => spec.env['KAFKA_SASL_USERNAME'])).toEqual([
      'order',
      'inventory',
      'payment',
      'shipping',
      'gateway',
      'console',
    ]);
    for (const spec of native) {
      const env = composeEnv(spec.name); // compose names these services as the launcher names its processes
      expect({
        name: spec.name,
        user: env['KAFKA_SASL_USERNAME'],
        password: resolved(env['KAFKA_SASL_PASSWORD']),
      }).toEqual({
        name: spec.name,
        user: spec.env['KAFKA_SASL_USERNAME'],
        password: spec.env['KAFKA_SASL_PASSWORD'],
      });
    }
  });

  it('are authorised by ACLs only, with the tooling principal as the only super user besides the controller', () => {
    const properties = read('infra/native/kafka.sh');
    const kafka = composeEnv('kafka');

    expect(properties).toContain('allow.everyone.if.no.acl.found=false');
    expect(properties).toContain('super.users=User:admin;User:controller');
    expect(kafka['KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND']).toBe('false');
    expect(kafka['KAFKA_SUPER_USERS']).toBe('User:admin;User:controller');
    // Every client listener takes SASL over TLS; the one PLAINTEXT listener is the registry's.
    expect(kafka['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP']).toBe(
      'CLIENT:SASL_SSL,CLIENT_HOST:SASL_SSL,REGISTRY:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    );
    expect(properties).toContain(
      'listener.security.protocol.map=CLIENT:SASL_SSL,REGISTRY:PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
    );
    expect(kafka['KAFKA_LISTENER_NAME_CLIENT__HOST_SCRAM___SHA___512_SASL_JAAS_CONFIG']).toContain('ScramLoginModule');
  });

  it('protects the broker keystore with the same development default in both stacks', () => {
    expect(read('infra/native/lib.sh')).toContain(
      'KAFKA_TLS_PASSWORD="${KAFKA_TLS_PASSWORD:-dev-only-keystore-password}"',
    );
    expect(composeEnv('kafka')['KAFKA_SSL_KEYSTORE_PASSWORD']).toBe(
      '${KAFKA_TLS_PASSWORD:-dev-only-keystore-password}',
    );
  });

  it('trusts, in every Kafka client container, the CA that tls-init made for the broker', () => {
    const clients = Object.entries(compose.services).filter(([, svc]) => svc.environment?.['KAFKA_BROKERS']);

    expect(clients.length).toBeGreaterThanOrEqual(7);
    for (const [name, svc] of clients) {
      const volumes = (svc as { volumes?: string[] }).volumes ?? [];
      expect({ name, ca: svc.environment?.['KAFKA_SSL_CA_LOCATION'], volumes }).toEqual({
        name,
        ca: '/tls/ca.pem',
        volumes: expect.arrayContaining(['kafka-tls:/tls:ro']),
      });
    }
  });
});
