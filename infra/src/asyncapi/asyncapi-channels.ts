// The channels of the AsyncAPI document: one per topic of shared/src/topics.ts, dead-letter topics
// included, with its partitions, cleanup policy and retention as Kafka bindings, and the messages on it.
import type { SchemaCatalog, TopicSpec } from '@saga/shared';
import { DEAD_LETTER, KAFKA_BINDING } from './asyncapi-messages';

type Json = Record<string, unknown>;

const isDeadLetterTopic = (topic: TopicSpec) => topic.name.endsWith('.dlt');

/** The record types written to `topic`, sorted; the dead letter on a `.dlt` topic. */
export function messagesOn(topic: TopicSpec, catalog: SchemaCatalog): string[] {
  if (isDeadLetterTopic(topic)) return [DEAD_LETTER];
  return [...catalog.latest.values()]
    .filter((entry) => entry.topic === topic.name)
    .map((entry) => entry.name)
    .sort();
}

export function channels(topics: readonly TopicSpec[], catalog: SchemaCatalog): Record<string, Json> {
  const sorted = [...topics].sort((a, b) => a.name.localeCompare(b.name));
  return Object.fromEntries(
    sorted.map((topic) => {
      const names = messagesOn(topic, catalog);
      if (names.length === 0) throw new Error(`topic ${topic.name} carries no record type of shared/schemas`);
      const channel = {
        address: topic.name,
        title: topic.name,
        description: `${topic.description}. Keyed by ${topic.key}.`,
        messages: Object.fromEntries(names.map((name) => [name, { $ref: `#/components/messages/${name}` }])),
        bindings: {
          kafka: {
            topic: topic.name,
            partitions: topic.partitions,
            topicConfiguration: { 'cleanup.policy': [topic.cleanupPolicy], 'retention.ms': topic.retentionMs },
            bindingVersion: KAFKA_BINDING,
          },
        },
      };
      return [topic.name, channel];
    }),
  );
}
