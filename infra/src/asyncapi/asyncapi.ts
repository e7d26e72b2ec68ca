// The AsyncAPI 3.0 document of the whole event system, generated from shared/src/topics.ts (channels),
// shared/src/topology.ts (who sends and receives what) and shared/schemas (Avro payloads). One
// document for the system: each application is a tag, and its operations carry it.
import {
  Applications,
  EventCatalog,
  TopicSpecs,
  loadCatalog,
  type Application,
  type EventType,
  type SchemaCatalog,
  type TopicSpec,
} from '@saga/shared';
import { stringify } from 'yaml';
import { channels } from './asyncapi-channels';
import { deadLetterMessage, DEAD_LETTER, KAFKA_BINDING, recordMessages } from './asyncapi-messages';
import { applicationOperations } from './asyncapi-operations';

type Apps = [folder: string, app: Application][];

const names = (list: Application[]) => list.map((app) => app.service).join(', ') || '—';

/** The map a newcomer wants first: every record type, its topic, who sends it and who receives it. */
function summaryTable(apps: Apps): string {
  const rows = (Object.keys(EventCatalog) as EventType[]).sort().map((type) => {
    const senders = apps.filter(([, app]) => app.produces.includes(type)).map(([, app]) => app);
    const receivers = apps.filter(([, app]) => app.consumes.includes(type)).map(([, app]) => app);
    return `| ${type} | ${EventCatalog[type].topic} | ${names(senders)} | ${names(receivers)} |`;
  });
  return ['| record | topic | sent by | received by |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const DESCRIPTION = `A choreographed order saga: four services and a REST gateway that talk only through these
Kafka topics. Every record is Avro in the Confluent wire format (magic byte, schema id, Avro binary),
registered under TopicRecordNameStrategy subjects with FULL_TRANSITIVE compatibility, and starts with an
\`envelope\` (eventId to deduplicate on, occurredAt, correlationId, causationId, producer). Records of one
order share its key, so each topic keeps them in order. Each application below is a tag; its operations say
what it sends and receives, in which consumer group, and where what it cannot process goes (\`<group>.dlt\`).

`;

export interface SystemDescription {
  catalog: SchemaCatalog;
  topics: readonly TopicSpec[];
  /** By services/ folder name, as in Applications. */
  applications: Record<string, Application>;
}

const thisSystem = (): SystemDescription => ({
  catalog: loadCatalog(),
  topics: TopicSpecs,
  applications: Applications,
});

export function asyncApiDocument(system: SystemDescription = thisSystem()): Record<string, unknown> {
  const { catalog, topics } = system;
  const apps: Apps = Object.entries(system.applications);
  const { schemas, messages } = recordMessages(catalog, topics);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Saga Reference events',
      version: '1.0.0',
      description: `${DESCRIPTION}${summaryTable(apps)}\n`,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      tags: apps.map(([, app]) => ({ $ref: `#/components/tags/${app.service}` })),
    },
    defaultContentType: 'application/octet-stream',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        // kafka-secure: the client listener is TLS (SASL_SSL), with the stack's own CA (KAFKA_SSL_CA_LOCATION).
        protocol: 'kafka-secure',
        description:
          '`make dev` (KAFKA_BROKERS), SASL_SSL: one SCRAM principal per application, ACLs generated from the ' +
          'topology (docs/security.md); the schema registry is Apicurio, Confluent-compatible API',
        security: [{ $ref: '#/components/securitySchemes/scram' }],
        bindings: {
          kafka: {
            schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
            schemaRegistryVendor: 'apicurio',
            bindingVersion: KAFKA_BINDING,
          },
        },
      },
    },
    channels: channels(topics, catalog),
    operations: Object.assign({}, ...apps.map(([folder, app]) => applicationOperations(app, folder))),
    components: {
      securitySchemes: {
        scram: {
          type: 'scramSha512',
          description:
            'Each application signs in as its own principal (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD): it may ' +
            'write only the topics of the types it sends and its dead-letter topic, read only what it receives, ' +
            'and use only its own consumer group.',
        },
      },
      schemas,
      messages: { ...messages, [DEAD_LETTER]: deadLetterMessage },
      tags: Object.fromEntries(
        apps.map(([, app]) => [app.service, { name: app.service, description: app.description }]),
      ),
      correlationIds: {
        envelope: {
          description: 'The order id (the sku for stock records), the same on every record of one saga',
          location: '$message.payload#/envelope/correlationId',
        },
      },
    },
  };
}

/** The YAML as committed: no line folding, so a diff shows whole changed lines. */
export const asyncApiYaml = (system?: SystemDescription): string =>
  stringify(asyncApiDocument(system), { lineWidth: 0, aliasDuplicateObjects: false });
