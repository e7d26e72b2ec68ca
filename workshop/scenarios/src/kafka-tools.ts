// Kafka as a scenario touches it from outside the services: raw records in (poison, duplicates),
// records read back from where the gateway's timeline says they are, consumer groups' committed
// offsets, and a brand-new consumer group reading a topic from the beginning (replay). Every operation
// connects and disconnects its own clients, so nothing is left connected between steps.
import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import {
  AvroSerde,
  RegistryClient,
  WaitTimedOutError,
  createKafka,
  kafkaSecurity,
  createLogger,
  kafkaOffsets,
  loadCatalog,
  producerConfig,
} from '@saga/shared';
import type { DemoConfig } from './config';

export interface Position {
  topic: string;
  partition: number;
  offset: number;
}
export interface ReadRecord extends Position {
  message: KafkaMessage;
}

export class KafkaTools {
  readonly kafka: Kafka;
  readonly serde: AvroSerde;

  constructor(config: DemoConfig) {
    const logger = createLogger('demo', 'error');
    this.kafka = createKafka({
      brokers: config.kafkaBrokers,
      security: kafkaSecurity(config),
      clientId: `demo-${process.pid}`,
      logger,
    });
    this.serde = new AvroSerde(new RegistryClient(config.registryUrl), loadCatalog());
  }

  async produce(topic: string, messages: { key: string; value: Buffer | null; headers?: IHeaders }[]): Promise<void> {
    const producer = this.kafka.producer(producerConfig(1));
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  /** The committed offset of `groupId` on each partition of `topic` (-1: nothing committed yet). */
  async committed(groupId: string, topic: string): Promise<Map<number, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return new Map((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, Number(offset)]));
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * The committed offsets of `groupId` on `topic` once they reach the topic's end, else undefined: the
   * group has consumed and committed everything written so far (it commits in the background, so its
   * offsets trail what it handled by up to half a second).
   */
  async committedAtEnd(groupId: string, topic: string): Promise<Map<number, number> | undefined> {
    const offsets = kafkaOffsets(this.kafka);
    try {
      const [ranges, committed] = await Promise.all([offsets.ranges([topic]), offsets.committed(groupId, [topic])]);
      const at = new Map(committed.map(({ partition, offset }) => [partition, offset]));
      // A partition never written to (high 0) has nothing to commit: the group keeps -1 there.
      return ranges.every(({ partition, high }) => high === 0 || at.get(partition) === high) ? at : undefined;
    } finally {
      await offsets.close();
    }
  }

  /** Reads the records at exactly these positions (e.g. an order's timeline), in a throwaway group. */
  readAt(positions: Position[], timeoutMs = 20_000): Promise<ReadRecord[]> {
    const wanted = new Set(positions.map(({ topic, partition, offset }) => `${topic}/${partition}/${offset}`));
    const starts = new Map<string, Position>();
    for (const position of positions) {
      const id = `${position.topic}/${position.partition}`;
      if ((starts.get(id)?.offset ?? Infinity) > position.offset) starts.set(id, position);
    }
    return this.read([...new Set(positions.map((p) => p.topic))], [...starts.values()], timeoutMs, (record, found) => {
      if (wanted.has(`${record.topic}/${record.partition}/${record.offset}`)) found.push(record);
      return found.length === wanted.size;
    });
  }

  /** Reads `topic` from the beginning to its current end in a new consumer group: a replay. */
  async readFromBeginning(topic: string, timeoutMs = 60_000): Promise<{ groupId: string; records: ReadRecord[] }> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const remaining = new Map(
      ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
    );
    const starts = ends.map(({ partition, low }) => ({ topic, partition, offset: Number(low) }));
    const groupId = `workshop-replay-${randomUUID().slice(0, 8)}`;
    if (remaining.size === 0) return { groupId, records: [] };
    const records = await this.read(
      [topic],
      starts,
      timeoutMs,
      (record, found) => {
        found.push(record);
        if (record.offset >= (remaining.get(record.partition) ?? 0) - 1) remaining.delete(record.partition);
        return remaining.size === 0;
      },
      groupId,
    );
    return { groupId, records };
  }

  private async read(
    topics: string[],
    starts: Position[],
    timeoutMs: number,
    collect: (record: ReadRecord, found: ReadRecord[]) => boolean,
    groupId = `workshop-read-${randomUUID().slice(0, 8)}`,
  ): Promise<ReadRecord[]> {
    const consumer = this.kafka.consumer({ groupId });
    const found: ReadRecord[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new WaitTimedOutError(`records not all read within ${timeoutMs} ms`)),
          timeoutMs,
        );
        consumer.on(consumer.events.GROUP_JOIN, () => {
          for (const { topic, partition, offset } of starts)
            consumer.seek({ topic, partition, offset: String(offset) });
        });
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            if (collect({ topic, partition, offset: Number(message.offset), message }, found)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      return found;
    } finally {
      await consumer.disconnect();
    }
  }
}
