// Dead letters written during a chaos run. Crashes and restarts must only delay records, never make
// one fail for good: every group's dead-letter topic must end the run as long as it started.
import { ConsumerGroups, deadLetterTopic } from '@saga/shared';
import { testKafka } from '../support/helpers';

const TOPICS = Object.values(ConsumerGroups).map(deadLetterTopic);

/** The end offset of every group's dead-letter topic, summed over its partitions. */
export async function deadLetterEnds(): Promise<Map<string, number>> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const ends = await Promise.all(
      TOPICS.map(async (topic) => {
        const offsets = await admin.fetchTopicOffsets(topic);
        return [topic, offsets.reduce((sum, { high }) => sum + Number(high), 0)] as const;
      }),
    );
    return new Map(ends);
  } finally {
    await admin.disconnect();
  }
}

/** One line per dead-letter topic that grew since `before`. */
export async function newDeadLetters(before: ReadonlyMap<string, number>): Promise<string[]> {
  const after = await deadLetterEnds();
  return TOPICS.filter((topic) => (after.get(topic) ?? 0) > (before.get(topic) ?? 0)).map(
    (topic) => `${topic}: ${(after.get(topic) ?? 0) - (before.get(topic) ?? 0)} dead letters written`,
  );
}
