// Applies the topic definitions idempotently: creates what is missing, adds partitions where a
// definition grew, and sets cleanup policy and retention. Never deletes anything.
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import { TopicMisconfiguredError } from '../errors';
import type { TopicSpec } from '../topics';

export interface ApplyResult {
  created: string[];
  grown: string[];
  unchanged: string[];
}

function configEntries(spec: TopicSpec): { name: string; value: string }[] {
  return [
    { name: 'cleanup.policy', value: spec.cleanupPolicy },
    { name: 'retention.ms', value: String(spec.retentionMs) },
  ];
}

export async function applyTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<ApplyResult> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: -1, // the broker's default.replication.factor
          configEntries: configEntries(spec),
        })),
      });
    }
    const present = specs.filter((spec) => existing.has(spec.name));
    const grown: string[] = [];
    if (present.length > 0) {
      const { topics } = await admin.fetchTopicMetadata({ topics: present.map((spec) => spec.name) });
      for (const spec of present) {
        const current = topics.find((topic) => topic.name === spec.name)?.partitions.length ?? 0;
        if (current > spec.partitions) {
          // Kafka cannot shrink a topic; say so instead of silently diverging from the definition.
          throw new TopicMisconfiguredError(
            `${spec.name} has ${current} partitions, the definition says ${spec.partitions}`,
          );
        }
        if (current < spec.partitions) grown.push(spec.name);
      }
      if (grown.length > 0) {
        await admin.createPartitions({
          topicPartitions: grown.map((name) => ({
            topic: name,
            count: present.find((spec) => spec.name === name)!.partitions,
          })),
        });
      }
      await admin.alterConfigs({
        validateOnly: false,
        resources: present.map((spec) => ({
          type: ConfigResourceTypes.TOPIC,
          name: spec.name,
          configEntries: configEntries(spec),
        })),
      });
    }
    return {
      created: missing.map((spec) => spec.name),
      grown,
      unchanged: present.map((spec) => spec.name).filter((name) => !grown.includes(name)),
    };
  } finally {
    await admin.disconnect();
  }
}

/** Resolves once the cluster answers a metadata request; rejects after `timeoutMs`. */
export async function waitForBroker(kafka: Kafka, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
