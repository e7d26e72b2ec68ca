// Avro serde over the Confluent wire format. Encoding uses schema ids registered once at start;
// decoding fetches a writer schema once per id and resolves it to this build's reader schema, so a
// consumer built against v1 reads v2 records. After warm-up no record costs a registry call.
import avro, { type Type } from 'avsc';
import { DecodeError, EncodeError, SchemaNotRegisteredError, UnexpectedEventTypeError } from '../errors';
import type { SchemaCatalog, SchemaVersion } from '../schemas/catalog';
import type { EventMap, EventType } from '../generated/events';
import { frame, unframe } from './wire-format';
import type { RegistryClient } from './registry-client';

/** TopicRecordNameStrategy: several record types share a topic, each with its own subject. */
export function subjectFor(topic: string, fullName: string): string {
  return `${topic}-${fullName}`;
}

export type DecodedEvent = { [T in EventType]: { type: T; value: EventMap[T]; schemaId: number } }[EventType];

interface Reader {
  type: EventType;
  resolver: ReturnType<Type['createResolver']>;
  reader: Type;
}

export class AvroSerde {
  private readonly writerIds = new Map<EventType, { id: number; entry: SchemaVersion }>();
  /** Per writer schema id: a promise, so concurrent first sightings share one registry call. */
  private readonly readers = new Map<number, Promise<Reader>>();

  constructor(
    private readonly registry: RegistryClient,
    private readonly catalog: SchemaCatalog,
  ) {}

  /**
   * Registers every version of every type this process writes, oldest first, and writes with the
   * current one. Earlier versions first, so even a fresh registry holds the whole history the schemas
   * folder has and judges the next change against all of it (FULL_TRANSITIVE). Call once at start.
   */
  async registerWriters(types: readonly EventType[]): Promise<void> {
    for (const type of types) {
      const entry = this.entry(type);
      const subject = subjectFor(entry.topic, entry.fullName);
      let id = 0;
      for (const version of this.catalog.versions.filter((candidate) => candidate.name === type)) {
        id = await this.registry.register(subject, version.schema);
      }
      this.writerIds.set(type, { id, entry });
    }
  }

  topicOf(type: EventType): string {
    return this.entry(type).topic;
  }

  encode<T extends EventType>(type: T, value: EventMap[T]): Buffer {
    const writer = this.writerIds.get(type);
    if (!writer) throw new SchemaNotRegisteredError(`${type} was not registered by registerWriters() at start`);
    try {
      return frame(writer.id, writer.entry.type.toBuffer(value));
    } catch (cause) {
      const paths: string[] = [];
      writer.entry.type.isValid(value, { errorHook: (path) => paths.push(path.join('.')) });
      throw new EncodeError(`${type} does not match its schema at: ${paths.join(', ') || '?'}`, { cause });
    }
  }

  async decode(buffer: Buffer | null | undefined): Promise<DecodedEvent> {
    const { schemaId, body } = unframe(buffer);
    const reader = await this.readerFor(schemaId);
    try {
      const value = reader.reader.fromBuffer(body, reader.resolver) as unknown;
      return { type: reader.type, value, schemaId } as DecodedEvent;
    } catch (cause) {
      throw new DecodeError(`record with schema id ${schemaId} is not valid ${reader.type} Avro`, { cause });
    }
  }

  private readerFor(schemaId: number): Promise<Reader> {
    let reader = this.readers.get(schemaId);
    if (!reader) {
      reader = this.buildReader(schemaId);
      this.readers.set(schemaId, reader);
      // A failed lookup (registry down) must be retried on the next record, not cached forever.
      reader.catch(() => this.readers.delete(schemaId));
    }
    return reader;
  }

  private async buildReader(schemaId: number): Promise<Reader> {
    const writerSchema = await this.registry.schemaById(schemaId);
    const writer = avro.Type.forSchema(writerSchema);
    const name = writer.name?.split('.').pop() ?? '';
    const current = this.catalog.latest.get(name);
    if (!current || current.fullName !== writer.name) {
      throw new UnexpectedEventTypeError(
        `schema id ${schemaId} is ${writer.name ?? 'unnamed'}, which this build does not know`,
      );
    }
    try {
      return { type: name as EventType, reader: current.type, resolver: current.type.createResolver(writer) };
    } catch (cause) {
      throw new UnexpectedEventTypeError(`schema id ${schemaId} (${writer.name}) cannot be read as ${current.file}`, {
        cause,
      });
    }
  }

  private entry(type: EventType): SchemaVersion {
    const entry = this.catalog.latest.get(type);
    if (!entry) throw new SchemaNotRegisteredError(`no schema for ${type} in the catalog`);
    return entry;
  }
}
