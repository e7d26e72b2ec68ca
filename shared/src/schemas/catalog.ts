// Loads every `.avsc` under shared/schemas into avsc types. The folder a schema lives in is the topic
// its records are written to; `<Name>.v<N>.avsc` is version N of that record, the highest is current.
// Named types under common/ may be referenced by full name from any schema.
import fs from 'node:fs';
import path from 'node:path';
import avro, { type Schema as AvroSchema, type Type } from 'avsc';
import { SchemaInvalidError } from '../errors';

export const SCHEMAS_DIR = path.resolve(__dirname, '../../schemas');
const COMMON_DIR = 'common';
const VERSIONED_FILE = /^([A-Z][A-Za-z0-9]*)\.v(\d+)\.avsc$/;

export interface SchemaVersion {
  topic: string;
  /** The record name without namespace, used as the event type across the code base. */
  name: string;
  fullName: string;
  version: number;
  file: string;
  type: Type;
  /** The self-contained schema (common types inlined) that is registered and hashed. */
  schema: AvroSchema;
}

export interface SchemaCatalog {
  /** Every version of every record, oldest first per record. */
  versions: SchemaVersion[];
  /** Current (highest) version per record name. */
  latest: Map<string, SchemaVersion>;
}

function readJson(file: string): AvroSchema {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AvroSchema;
  } catch (cause) {
    throw new SchemaInvalidError(`${file}: not valid JSON`, { cause });
  }
}

function commonSchemas(dir: string): AvroSchema[] {
  const folder = path.join(dir, COMMON_DIR);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.avsc'))
    .sort()
    .map((file) => readJson(path.join(folder, file)));
}

/** Parses one record schema in a fresh registry, so versions of a record never clash by name. */
export function parseRecord(schema: AvroSchema, commons: AvroSchema[], source: string): Type {
  try {
    const registry = {};
    for (const common of commons) avro.Type.forSchema(common, { registry });
    const type = avro.Type.forSchema(schema, { registry });
    if (type.typeName !== 'record') throw new Error('top-level type must be a record');
    return type;
  } catch (cause) {
    throw new SchemaInvalidError(`${source}: ${(cause as Error).message}`, { cause });
  }
}

export interface LoadOptions {
  /**
   * Ignore versions above this one: the schemas as a build made before they existed loaded them (an
   * "old build", for proving that consumers not yet upgraded read what upgraded producers write).
   */
  maxVersion?: number;
}

export function loadCatalog(dir: string = SCHEMAS_DIR, { maxVersion = Infinity }: LoadOptions = {}): SchemaCatalog {
  const commons = commonSchemas(dir);
  const versions: SchemaVersion[] = [];
  const topics = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== COMMON_DIR)
    .map((entry) => entry.name)
    .sort();
  for (const topic of topics) {
    for (const file of fs.readdirSync(path.join(dir, topic)).sort()) {
      const match = VERSIONED_FILE.exec(file);
      const source = path.join(topic, file);
      if (!match) throw new SchemaInvalidError(`${source}: expected <RecordName>.v<N>.avsc`);
      const [, name, version] = match as unknown as [string, string, string];
      if (Number(version) > maxVersion) continue;
      const type = parseRecord(readJson(path.join(dir, topic, file)), commons, source);
      if (type.name?.split('.').pop() !== name) {
        throw new SchemaInvalidError(`${source}: file is named ${name} but declares ${type.name}`);
      }
      const schema = type.schema({ exportAttrs: true }) as AvroSchema;
      versions.push({ topic, name, fullName: type.name, version: Number(version), file: source, type, schema });
    }
  }
  versions.sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
  const latest = new Map<string, SchemaVersion>();
  for (const entry of versions) {
    const current = latest.get(entry.name);
    if (current && current.topic !== entry.topic) {
      throw new SchemaInvalidError(`${entry.name} is defined for both ${current.topic} and ${entry.topic}`);
    }
    latest.set(entry.name, entry);
  }
  return { versions, latest };
}
