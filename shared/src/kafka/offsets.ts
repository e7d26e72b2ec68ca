// Partition offsets through the Kafka admin API: where each partition starts and ends, where a group
// has committed, and deleting a finished group. Used to tell when a replaying consumer has caught up.
import type { Kafka } from 'kafkajs';

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

/** One partition as it was at start: the first offset still retained and the end offset. */
export interface PartitionRange {
  topic: string;
  partition: number;
  low: number;
  high: number;
}

export interface OffsetSource {
  ranges(topics: readonly string[]): Promise<PartitionRange[]>;
  committed(groupId: string, topics: readonly string[]): Promise<PartitionOffset[]>;
  /** Removes a finished group's committed offsets, so per-process groups do not pile up on the broker. */
  deleteGroup(groupId: string): Promise<void>;
  close(): Promise<void>;
}

/** Offsets through the Kafka admin API; connects on first use. */
export function kafkaOffsets(kafka: Kafka): OffsetSource {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  const ready = () => (connected ??= admin.connect());
  return {
    async ranges(topics) {
      await ready();
      const perTopic = await Promise.all(
        topics.map(async (topic) =>
          (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({
            topic,
            partition,
            low: Number(low),
            high: Number(high),
          })),
        ),
      );
      return perTopic.flat();
    },
    async committed(groupId, topics) {
      await ready();
      const perTopic = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return perTopic.flatMap(({ topic, partitions }) =>
        partitions.map(({ partition, offset }) => ({ topic, partition, offset: Number(offset) })),
      );
    },
    async deleteGroup(groupId) {
      await ready();
      await admin.deleteGroups([groupId]);
    },
    async close() {
      if (connected) await admin.disconnect();
    },
  };
}
