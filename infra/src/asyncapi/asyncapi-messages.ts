// The messages of the AsyncAPI document: one per record type, its payload the self-contained Avro schema
// the serde registers (shared/schemas, common types inlined), its headers and Kafka key; and the dead
// letter, which is whatever record a group could not process plus the dlt.* headers.
import { DeadLetterHeaders, RecordHeaders, type SchemaCatalog, type TopicSpec } from '@saga/shared';

export const AVRO_FORMAT = 'application/vnd.apache.avro;version=1.9.0';
export const KAFKA_BINDING = '0.5.0';
export const DEAD_LETTER = 'DeadLetter';

type Json = Record<string, unknown>;

const recordHeaders = (type: string): Json => ({
  type: 'object',
  properties: {
    [RecordHeaders.eventType]: { type: 'string', const: type, description: 'The record type, for tools' },
    [RecordHeaders.correlationId]: { type: 'string', description: 'envelope.correlationId, for tools' },
    traceparent: {
      type: 'string',
      pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        "W3C trace context: the order's trace, and the span that sent the record (absent when tracing is off)",
    },
  },
  required: [RecordHeaders.eventType, RecordHeaders.correlationId],
});

/**
 * The same Avro schema with every named type as `name` + `namespace` rather than a dotted full name:
 * equivalent for Avro, and the form the AsyncAPI Avro schema (name without dots) accepts.
 */
export function withNamespaces(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNamespaces);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withNamespaces(value)]));
  const { name } = copy as { name?: unknown };
  if (['record', 'enum', 'fixed'].includes(copy.type as string) && typeof name === 'string' && name.includes('.')) {
    const dot = name.lastIndexOf('.');
    return { ...copy, name: name.slice(dot + 1), namespace: name.slice(0, dot) };
  }
  return copy;
}

/** Payload schemas (Avro) and message objects for every current record type, by type name. */
export function recordMessages(catalog: SchemaCatalog, topics: readonly TopicSpec[]) {
  const schemas: Record<string, Json> = {};
  const messages: Record<string, Json> = {};
  for (const entry of [...catalog.latest.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const topic = topics.find((spec) => spec.name === entry.topic);
    if (!topic) throw new Error(`${entry.file}: no topic ${entry.topic} in shared/src/topics.ts`);
    schemas[entry.name] = { schemaFormat: AVRO_FORMAT, schema: withNamespaces(entry.schema) };
    messages[entry.name] = {
      name: entry.name,
      title: entry.name,
      summary: (entry.schema as { doc?: string }).doc ?? '',
      description: `Subject \`${entry.topic}-${entry.fullName}\`, version ${entry.version} (shared/schemas/${entry.file}).`,
      contentType: 'application/octet-stream',
      correlationId: { $ref: '#/components/correlationIds/envelope' },
      headers: recordHeaders(entry.name),
      payload: { $ref: `#/components/schemas/${entry.name}` },
      bindings: {
        kafka: {
          key: { type: 'string', description: topic.key },
          schemaIdLocation: 'payload',
          schemaIdPayloadEncoding: 'confluent',
          schemaLookupStrategy: 'TopicRecordNameStrategy',
          bindingVersion: KAFKA_BINDING,
        },
      },
    };
  }
  return { schemas, messages };
}

/** What a consumer group writes to `<group>.dlt`: the failed record unchanged, and why it failed. */
export const deadLetterMessage: Json = {
  name: DEAD_LETTER,
  title: 'Dead letter',
  summary: 'A record a consumer group could not process, with why, and where it came from.',
  description:
    'Key, value and headers are the original record, byte for byte (the value may not even be Avro); the ' +
    '`dlt.*` headers are added. `npm run dlt -- list|show|replay <group>` reads them and re-publishes to ' +
    'the original topic, where the consumers deduplicate on eventId.',
  contentType: 'application/octet-stream',
  headers: {
    type: 'object',
    properties: Object.fromEntries(Object.values(DeadLetterHeaders).map((header) => [header, { type: 'string' }])),
    required: Object.values(DeadLetterHeaders),
  },
  payload: { description: 'The original record value, unchanged' },
  bindings: {
    kafka: { key: { type: 'string', description: "The original record's key" }, bindingVersion: KAFKA_BINDING },
  },
};
