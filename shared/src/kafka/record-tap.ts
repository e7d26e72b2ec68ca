// Watches topics as they are written, for people rather than for processing: a throwaway consumer group
// that starts at the end of each topic, never commits, hands over raw records (a poison one included:
// nothing here decodes or dead-letters) and deletes its group on stop so taps leave nothing behind.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

export interface TappedRecord {
  topic: string;
  partition: number;
  offset: string;
  /** The broker's timestamp, ms since epoch. */
  timestamp: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export class RecordTap {
  readonly groupId: string;
  private readonly consumer;
  private readonly admin;

  constructor(
    private readonly kafka: Kafka,
    groupPrefix: string,
    private readonly topics: readonly string[],
  ) {
    this.groupId = `${groupPrefix}-${randomUUID()}`;
    // A short session: a SIGKILLed console's tap group expires quickly instead of lingering.
    this.consumer = kafka.consumer({ groupId: this.groupId, sessionTimeout: 10_000, heartbeatInterval: 3_000 });
    this.admin = kafka.admin();
  }

  /**
   * Starts reading; resolves once the group has assigned this member its partitions, so every record
   * written from then on reaches `onBatch` (each fetched batch of one partition, in offset order).
   * Rejects if the consumer crashes before it joined.
   */
  async start(onBatch: (records: TappedRecord[]) => void): Promise<void> {
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    let listeners: Array<() => void> = [];
    // kafkajs' run() also resolves after a crash it restarts from, so the join event is what says "reading".
    const joined = new Promise<void>((resolve, reject) => {
      listeners = [
        this.consumer.on(GROUP_JOIN, () => resolve()),
        this.consumer.on(CRASH, ({ payload }) => reject(payload.error)),
      ];
    });
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: [...this.topics], fromBeginning: false });
      // Together, so a crash while run() is still joining rejects here rather than going unhandled.
      await Promise.all([this.run(onBatch), joined]);
    } finally {
      for (const stopListening of listeners) stopListening();
    }
  }

  private run(onBatch: (records: TappedRecord[]) => void): Promise<void> {
    return this.consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        onBatch(
          batch.messages.map((message) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            timestamp: Number(message.timestamp),
            key: message.key?.toString() ?? null,
            value: message.value,
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value ?? '')]),
            ),
          })),
        );
      },
    });
  }

  /** Leaves the group and deletes it: a tap leaves nothing behind on the broker. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.admin.connect();
    try {
      await this.admin.deleteGroups([this.groupId]);
    } finally {
      await this.admin.disconnect();
    }
  }
}
