// Config is parsed once, at start, from the environment into one typed object. Every key documents
// itself and has a local default; invalid config fails fast and lists every bad variable at once.
import { ConfigError } from './errors';

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

/** Settings every process that talks to Kafka and the registry shares. */
export const platformSettings = {
  kafkaBrokers: setting('KAFKA_BROKERS', 'bootstrap brokers, host:port,…', ['127.0.0.1:9092'], formats.list),
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
