// Config is parsed once, at start, from the environment into one typed object. Every key documents
// itself and has a local default; invalid config fails fast and lists every bad variable at once.
import { ConfigError } from './errors';
import { isDevPassword } from './kafka/principals';

export interface Setting<T> {
  env: string;
  doc: string;
  default: T;
  parse: (raw: string) => T;
}

type Schema = Record<string, Setting<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

function failIf(bad: boolean, expected: string): void {
  if (bad) throw new Error(`expected ${expected}`);
}

export const formats = {
  string: (raw: string): string => raw,
  int: (raw: string): number => {
    const value = Number(raw);
    failIf(!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value), 'an integer');
    return value;
  },
  port: (raw: string): number => {
    const value = formats.int(raw);
    failIf(value < 0 || value > 65535, 'a port number (0-65535)');
    return value;
  },
  list: (raw: string): string[] => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    failIf(items.length === 0, 'a comma-separated list');
    return items;
  },
  url: (raw: string): string => {
    failIf(!URL.canParse(raw), 'a URL');
    return raw.replace(/\/+$/, '');
  },
  /** A PostgreSQL connection URL, or '' for none (the setting's default then applies). */
  postgresUrl: (raw: string): string => {
    failIf(!/^postgres(ql)?:\/\//.test(raw) || !URL.canParse(raw), 'a postgres:// URL');
    return raw;
  },
  oneOf:
    <T extends string>(...allowed: T[]) =>
    (raw: string): T => {
      failIf(!allowed.includes(raw as T), `one of ${allowed.join(', ')}`);
      return raw as T;
    },
};

export function setting<T>(env: string, doc: string, defaultValue: T, parse: (raw: string) => T): Setting<T> {
  return { env, doc, default: defaultValue, parse };
}

export function loadConfig<S extends Schema>(schema: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') {
      config[key] = spec.default;
      continue;
    }
    try {
      config[key] = spec.parse(raw);
    } catch (error) {
      problems.push(`${spec.env}=${JSON.stringify(raw)}: ${(error as Error).message} (${spec.doc})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<S>;
}

/**
 * Where Kafka is and who this process is to it, named as librdkafka names them. Every stack this
 * repository starts sets them per process (each application its own principal, docs/security.md).
 */
export const kafkaSettings = {
  kafkaBrokers: setting('KAFKA_BROKERS', 'bootstrap brokers, host:port,…', ['127.0.0.1:9092'], formats.list),
  kafkaSaslMechanism: setting(
    'KAFKA_SASL_MECHANISM',
    'SASL mechanism of the client listener (the broker enables only SCRAM-SHA-512)',
    'scram-sha-512' as const,
    formats.oneOf('scram-sha-512'),
  ),
  kafkaSaslUsername: setting(
    'KAFKA_SASL_USERNAME',
    "this process's Kafka principal; '' for no SASL",
    '',
    formats.string,
  ),
  kafkaSaslPassword: setting('KAFKA_SASL_PASSWORD', "that principal's password", '', formats.string),
  kafkaSslCaLocation: setting(
    'KAFKA_SSL_CA_LOCATION',
    "PEM file of the CA that signed the broker's certificate; TLS on when set",
    '',
    formats.string,
  ),
};

export interface KafkaSecurity {
  sasl?: { mechanism: 'scram-sha-512'; username: string; password: string };
  /** A PEM file: the client then connects over TLS, trusting only that CA. */
  caLocation?: string;
}

/**
 * The client's credentials from the parsed settings. A production process refuses the repository's
 * development passwords (kafka/principals.ts), naming the variable, before it connects anywhere.
 */
export function kafkaSecurity(
  config: ConfigOf<typeof kafkaSettings>,
  env: NodeJS.ProcessEnv = process.env,
): KafkaSecurity {
  const problems: string[] = [];
  const { kafkaSaslMechanism: mechanism, kafkaSaslUsername: username, kafkaSaslPassword: password } = config;
  if (username !== '' && password === '') problems.push('KAFKA_SASL_PASSWORD: unset, but KAFKA_SASL_USERNAME is set');
  if (env['NODE_ENV'] === 'production' && isDevPassword(password)) {
    problems.push('KAFKA_SASL_PASSWORD: a local development default, refused with NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...(username === '' ? {} : { sasl: { mechanism, username, password } }),
    ...(config.kafkaSslCaLocation === '' ? {} : { caLocation: config.kafkaSslCaLocation }),
  };
}

/** Settings every process that talks to Kafka and the registry shares. */
export const platformSettings = {
  ...kafkaSettings,
  registryUrl: setting(
    'SCHEMA_REGISTRY_URL',
    'Confluent-compatible schema registry API base URL',
    'http://127.0.0.1:8081/apis/ccompat/v7',
    formats.url,
  ),
  logLevel: setting(
    'LOG_LEVEL',
    'pino log level',
    'info',
    formats.oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  ),
};
