// Runs Apache Avro's own Java reader (infra/avro-reader/AvroReader.java) over a topic: the proof that
// records decode with a third-party Avro implementation through the registry, with Avro's schema
// resolution (writer schema from the registry, reader schema from an .avsc file of this repository).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SCHEMAS_DIR, type SchemaVersion } from '@saga/shared';

const run = promisify(execFile);
/** Its jars, fetched from Maven Central by `make fetch` (infra/avro-reader/pom.xml). */
// The reader's source and libraries are stack tooling (infra/avro-reader, fetched by `make fetch`); from
// workshop/scenarios/src (tests) and workshop/scenarios/dist (make demo) alike, the root is three up.
const ROOT = path.resolve(__dirname, '../../..');
export const AVRO_READER_LIBS = path.join(ROOT, 'infra/.stack/dist/avro-reader/libs');
const SOURCE = path.join(ROOT, 'infra/avro-reader/AvroReader.java');
// Java compiles the single source file on every run: a few seconds on a busy machine.
const TIMEOUT_MS = 120_000;

export interface JavaReadRecord {
  partition: number;
  offset: number;
  schemaId: number;
  /** The fields of the writer schema the record was written with (from the registry). */
  writerFields: string[];
  /** The record as the reader schema sees it. */
  value: Record<string, unknown>;
}

export interface JavaReadOptions {
  brokers: string[];
  registryUrl: string;
  topic: string;
  /** Only records with this key (an order id). */
  key?: string;
  /** Only the record at this position, instead of the whole topic: quick on a stack with a long history. */
  at?: { partition: number; offset: number };
  /** The reader schema: one version's .avsc file. */
  reader: SchemaVersion;
  schemasDir?: string;
}

export function javaAvroReaderInstalled(): boolean {
  return (
    fs.existsSync(AVRO_READER_LIBS) && fs.readdirSync(AVRO_READER_LIBS).some((jar) => /^avro-[\d.]+\.jar$/.test(jar))
  );
}

/** Every record of the reader's type on the topic (up to its current end), decoded by Apache Avro. */
export async function readWithJavaAvro(options: JavaReadOptions): Promise<JavaReadRecord[]> {
  const { brokers, registryUrl, topic, key, at, reader, schemasDir = SCHEMAS_DIR } = options;
  const common = path.join(schemasDir, 'common');
  const named = fs
    .readdirSync(common)
    .filter((file) => file.endsWith('.avsc'))
    .sort()
    .flatMap((file) => ['--named', path.join(common, file)]);
  const args = [
    ...['-cp', `${AVRO_READER_LIBS}/*`, SOURCE],
    ...['--bootstrap', brokers.join(','), '--registry', registryUrl, '--topic', topic],
    ...(key === undefined ? [] : ['--key', key]),
    ...(at === undefined ? [] : ['--partition', String(at.partition), '--offset', String(at.offset)]),
    ...named,
    ...['--reader', path.join(schemasDir, reader.file)],
  ];
  const { stdout } = await run('java', args, { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JavaReadRecord);
}
