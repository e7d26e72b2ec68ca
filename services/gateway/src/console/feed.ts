// Turns what the console's tap reads into FeedMessages: saga records decoded through the registry, dead
// letters with their headers (and their type when the value still decodes), poison as undecodable.
// Reads every saga topic and every dead-letter topic from the moment the gateway starts.
import {
  ConsumerGroups,
  RecordTap,
  TopicSpecs,
  deadLetterTopic,
  type AvroSerde,
  type DecodedEvent,
  type Logger,
  type TappedRecord,
  type createKafka,
} from '@saga/shared';
import { isCompensation } from './compensation';
import type { FeedMessage } from './messages';

type Kafka = ReturnType<typeof createKafka>;

/** The group prefix of each gateway's console tap: `gateway-console-<uuid>`. */
export const CONSOLE_GROUP_PREFIX = 'gateway-console';

const groupOfDeadLetterTopic = new Map(Object.values(ConsumerGroups).map((group) => [deadLetterTopic(group), group]));

export class ConsoleFeed {
  private readonly tap: RecordTap;

  constructor(
    kafka: Kafka,
    private readonly serde: AvroSerde,
    private readonly logger: Logger,
  ) {
    this.tap = new RecordTap(
      kafka,
      CONSOLE_GROUP_PREFIX,
      TopicSpecs.map((spec) => spec.name),
    );
  }

  get groupId(): string {
    return this.tap.groupId;
  }

  /** Starts the tap; `publish` receives each record's message, in offset order per partition. */
  start(publish: (messages: FeedMessage[]) => void): Promise<void> {
    // Decoding is async (a new schema id costs one registry call), so batches are chained to keep order.
    let chain = Promise.resolve();
    return this.tap.start((records) => {
      chain = chain
        .then(async () => publish(await Promise.all(records.map((record) => this.describe(record)))))
        .catch((error: unknown) => this.logger.error({ err: error }, 'console feed could not describe a batch'));
    });
  }

  stop(): Promise<void> {
    return this.tap.stop();
  }

  private async describe(record: TappedRecord): Promise<FeedMessage> {
    const group = groupOfDeadLetterTopic.get(record.topic);
    const decoded = await this.serde.decode(record.value).then(
      (event): DecodedEvent | Error => event,
      (error: unknown): DecodedEvent | Error => (error instanceof Error ? error : new Error(String(error))),
    );
    if (group !== undefined) {
      const { offset, key, headers } = record;
      if (decoded instanceof Error) return { kind: 'dead-letter', group, offset, key, headers };
      const orderId = decoded.value.envelope.correlationId;
      return { kind: 'dead-letter', group, offset, key, headers, type: decoded.type, orderId };
    }
    if (decoded instanceof Error) {
      const { topic, partition, offset, key } = record;
      return { kind: 'undecodable', topic, partition, offset, key, error: decoded.message };
    }
    const { envelope } = decoded.value;
    return {
      kind: 'event',
      type: decoded.type,
      orderId: envelope.correlationId,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      producer: envelope.producer,
      at: record.timestamp,
      compensation: isCompensation(decoded.type),
    };
  }
}
