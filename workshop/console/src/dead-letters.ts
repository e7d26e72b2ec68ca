// A consumer group's dead letters as the page shows them, and their replay: read and re-published by the
// same shared code as the `dlt` CLI (infra/src/dlt.ts), so a replay from the page is the terminal's replay.
import {
  ConsoleGroupPrefix,
  ConsumerGroups,
  RecordHeaders,
  chooseDeadLetters,
  readDeadLetters,
  replayDeadLetters,
  type createKafka,
} from '@saga/shared';
import type { DeadLetterMessage } from './messages';
import { HttpProblem } from './problem';

type Kafka = ReturnType<typeof createKafka>;

export const DeadLetterGroups = Object.values(ConsumerGroups) as [string, ...string[]];

/** The prefix of the throwaway group each reading uses (deleted once read). */
const READER_ID = `${ConsoleGroupPrefix}dlt`;

export async function deadLettersOf(kafka: Kafka, group: string): Promise<DeadLetterMessage[]> {
  const letters = await readDeadLetters(kafka, group, READER_ID);
  return letters.map(({ offset, key, headers }) => ({
    kind: 'dead-letter',
    group,
    offset,
    key,
    headers,
    ...(headers[RecordHeaders.eventType] ? { type: headers[RecordHeaders.eventType] } : {}),
    ...(headers[RecordHeaders.correlationId] ? { orderId: headers[RecordHeaders.correlationId] } : {}),
  }));
}

/** Re-publishes the dead letters at `offsets` to their original topics; 404 unless every one exists. */
export async function replay(kafka: Kafka, group: string, offsets: readonly string[]) {
  const { found, missing } = chooseDeadLetters(await readDeadLetters(kafka, group, READER_ID), offsets);
  if (missing.length > 0) throw new HttpProblem('notFound', `no dead letter at offset(s) ${missing.join(', ')}`);
  return replayDeadLetters(kafka, found);
}
