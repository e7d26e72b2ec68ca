// How a service's instances share the partitions of its group: partition p of every topic the group
// reads goes to the same instance. The saga's topics are keyed by order id and have one partition
// count, so one order's records on all of a service's topics (its commands, another service's
// events) reach one instance, whose keyed lock then serialises them as it does with one instance.
// Kafka's default assignors spread each topic on its own, so two instances could handle one order's
// StockReserved and OrderCancelled at once, each deciding on a state the other is changing.
import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

export const CO_PARTITIONED = 'SagaCoPartitionedAssigner';

/** Partition p of every topic to member p mod n (members by id, so every member computes the same). */
export function coPartitioned(
  members: readonly string[],
  partitionsOf: (topic: string) => number[],
  topics: readonly string[],
): Map<string, Record<string, number[]>> {
  const sorted = [...members].sort();
  const assignment = new Map<string, Record<string, number[]>>(sorted.map((member) => [member, {}]));
  for (const topic of topics) {
    for (const partition of partitionsOf(topic)) {
      const member = sorted[partition % sorted.length]!;
      const owned = assignment.get(member)!;
      (owned[topic] ??= []).push(partition);
    }
  }
  return assignment;
}

export const CoPartitionedAssigner: PartitionAssigner = ({ cluster }) => ({
  name: CO_PARTITIONED,
  version: 0,
  async assign({ members, topics }) {
    const partitionsOf = (topic: string) =>
      cluster.findTopicPartitionMetadata(topic).map((metadata) => metadata.partitionId);
    const assignment = coPartitioned(
      members.map((member) => member.memberId),
      partitionsOf,
      topics,
    );
    return [...assignment].map(([memberId, owned]) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({
        version: 0,
        assignment: owned,
        userData: Buffer.alloc(0),
      }),
    }));
  },
  protocol({ topics }) {
    return {
      name: CO_PARTITIONED,
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
    };
  },
});
