// The operations of the AsyncAPI document, from shared/src/topology.ts: each application sends what it
// produces and receives what it consumes, one operation per topic, in its consumer group; every group
// sends what it cannot process to its dead-letter topic.
import fs from 'node:fs';
import path from 'node:path';
import { EventCatalog, deadLetterTopic, type Application, type EventType } from '@saga/shared';
import { DEAD_LETTER, KAFKA_BINDING } from './asyncapi-messages';

type Json = Record<string, unknown>;

const ROOT = path.resolve(__dirname, '../../..');

/** The handler file of a service for `type`, when the service keeps the one-file-per-type layout. */
function handlerFile(folder: string, type: string): string | undefined {
  const file = `services/${folder}/src/handlers/${type}.ts`;
  return fs.existsSync(path.join(ROOT, file)) ? file : undefined;
}

function byTopic(types: readonly EventType[]): Map<string, EventType[]> {
  const topics = new Map<string, EventType[]>();
  for (const type of types)
    topics.set(EventCatalog[type].topic, [...(topics.get(EventCatalog[type].topic) ?? []), type]);
  return new Map([...topics].sort(([a], [b]) => a.localeCompare(b)));
}

// Every application reads in one fixed group (the gateway's projection too: its read model keeps the
// offsets it applied, so a start resumes there), so instances of a service split the partitions.
const groupIdSchema = (app: Application): Json => ({ type: 'string', enum: [app.groupId] });

function operation(app: Application, action: 'send' | 'receive', topic: string, types: readonly string[]): Json {
  return {
    action,
    channel: { $ref: `#/channels/${topic}` },
    title: `${app.service} ${action}s on ${topic}`,
    messages: types.map((type) => ({ $ref: `#/channels/${topic}/messages/${type}` })),
    tags: [{ $ref: `#/components/tags/${app.service}` }],
    bindings: {
      kafka: {
        ...(action === 'receive' && { groupId: groupIdSchema(app) }),
        clientId: { type: 'string', enum: [app.service] },
        bindingVersion: KAFKA_BINDING,
      },
    },
  };
}

/** Every operation of `app`, keyed `<service>.<receives|sends>.<topic>`; `folder` is its services/ folder. */
export function applicationOperations(app: Application, folder: string): Record<string, Json> {
  const operations: Record<string, Json> = {};
  for (const [topic, types] of byTopic(app.consumes)) {
    const handlers = types.map((type) => handlerFile(folder, type)).filter((file) => file !== undefined);
    operations[`${app.service}.receives.${topic}`] = {
      ...operation(app, 'receive', topic, types),
      ...(handlers.length > 0 && { description: `Handled by ${handlers.map((file) => `\`${file}\``).join(', ')}.` }),
    };
  }
  for (const [topic, types] of byTopic(app.produces)) {
    operations[`${app.service}.sends.${topic}`] = operation(app, 'send', topic, types);
  }
  if (app.consumes.length > 0) {
    const dlt = deadLetterTopic(app.groupId);
    operations[`${app.service}.sends.${dlt}`] = {
      ...operation(app, 'send', dlt, [DEAD_LETTER]),
      description: 'Records it cannot decode, that break a business rule, or that still fail after the last retry.',
    };
  }
  return operations;
}
