// The person-facing side of dead letters: read a group's dead-letter topic and re-publish chosen records
// to their original topic once the cause is fixed. The DLT CLI and the workshop console both call these,
// so a replay from the page is byte for byte the replay from the terminal. What a person reads of a
// dead letter is its decoded value with the secrets redacted; a replay sends the original bytes.
import type { Kafka, KafkaMessage } from 'kafkajs';
import type { AvroSerde } from '../avro/serde';
import { redactSecrets } from '../redaction';
import { producerConfig } from './client';
import { RenewableProducer } from './renewable-producer';
import { DeadLetterHeaders } from './dead-letters';
import { InvariantError, isRetriable } from '../errors';
import { deadLetterTopic } from '../topics';

export interface DeadLetter {
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer | null;
}

/** A dead letter as a person reads it: its value decoded, secrets redacted; or why it does not decode. */
export type DeadLetterReading = Omit<DeadLetter, 'value'> &
  ({ type: string; value: Record<string, unknown> } | { undecodable: string });

/**
 * Decodes a dead letter's value for reading, then redacts it. Bytes that do not decode are not shown:
 * no secret in them can be found to redact, and the error says what is wrong with them.
 */
export async function readingOf(letter: DeadLetter, serde: Pick<AvroSerde, 'decode'>): Promise<DeadLetterReading> {
  const { value, ...rest } = letter;
  try {
    const decoded = await serde.decode(value);
    return { ...rest, type: decoded.type, value: redactSecrets({ ...decoded.value }) };
  } catch (error) {
    // The registry not answering says nothing about the bytes: the reading fails, to be tried again.
    if (isRetriable(error)) throw error;
    return { ...rest, undecodable: error instanceof Error ? error.message : String(error) };
  }
}

/** The header a replayed record carries: the dead-letter offset it came from. */
export const REPLAYED_FROM_HEADER = 'dlt.replayed.from';

function toDeadLetter(message: KafkaMessage): DeadLetter {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value ?? '')]),
  );
  return { offset: message.offset, key: message.key?.toString() ?? null, headers, value: message.value };
}

/**
 * Reads a group's whole dead-letter topic (one partition) from the beginning up to its current end,
 * through a throwaway consumer group that is deleted afterwards so reviews leave no groups behind.
 */
export async function readDeadLetters(kafka: Kafka, group: string, readerId: string): Promise<DeadLetter[]> {
  const topic = deadLetterTopic(group);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [end] = await admin.fetchTopicOffsets(topic);
    const high = Number(end?.high ?? 0);
    if (high <= Number(end?.low ?? 0)) return [];
    const groupId = `${readerId}-${process.pid}-${Date.now()}`;
    const consumer = kafka.consumer({ groupId });
    const letters: DeadLetter[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ message }) => {
              letters.push(toDeadLetter(message));
              if (Number(message.offset) >= high - 1) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    await admin.deleteGroups([groupId]);
    return letters;
  } finally {
    await admin.disconnect();
  }
}

/** Splits the wanted offsets into the dead letters found and the offsets that have none. */
export function chooseDeadLetters(
  letters: readonly DeadLetter[],
  offsets: readonly string[],
): { found: DeadLetter[]; missing: string[] } {
  const found = letters.filter((letter) => offsets.includes(letter.offset));
  const missing = offsets.filter((offset) => !found.some((letter) => letter.offset === offset));
  return { found, missing };
}

/**
 * Re-publishes each dead letter, with its key, value and original headers (the `dlt.*` ones dropped), to
 * the topic it failed on, where every group reads it again; a consumer that had processed it already
 * skips it by its eventId. Returns the topic each one went to.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  letters: readonly DeadLetter[],
): Promise<{ offset: string; topic: string }[]> {
  // Renewable for its send spans: a replayed record stays in its order's trace (record-spans.ts).
  const producer = new RenewableProducer(kafka, producerConfig(1));
  await producer.connect();
  const replayed: { offset: string; topic: string }[] = [];
  try {
    for (const letter of letters) {
      const topic = letter.headers[DeadLetterHeaders.originalTopic];
      if (!topic) {
        throw new InvariantError(
          `dead letter at offset ${letter.offset} has no ${DeadLetterHeaders.originalTopic} header`,
        );
      }
      const kept = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlt.')));
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { key: letter.key, value: letter.value, headers: { ...kept, [REPLAYED_FROM_HEADER]: letter.offset } },
        ],
      });
      replayed.push({ offset: letter.offset, topic });
    }
  } finally {
    await producer.disconnect();
  }
  return replayed;
}
