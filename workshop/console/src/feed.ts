// Turns what the console's tap reads into FeedMessages: saga records decoded through the registry, dead
// letters with their headers (and their type when the value still decodes), poison as undecodable.
// One ConsoleFeed is one tap group on every saga topic and every dead-letter topic, from its join on:
// LiveFeed starts one when the first page opens and stops it after the last one closed.
import {
  ConsoleGroupPrefix,
  ConsumerGroups,
  RecordTap,
  TopicSpecs,
  deadLetterTopic,
  type AvroSerde,
  type DecodedEvent,
  type EventType,
  type Logger,
  type TappedRecord,
  type createKafka,
} from '@saga/shared';
import type { FeedMessage } from './messages';

type Kafka = ReturnType<typeof createKafka>;

/**
 * The tap's group: `workshop-console-tap-<uuid>`, a new one each time a first page opens; under the
 * prefix the console's Kafka ACLs grant it (shared/src/kafka/acls.ts).
 */
export const TAP_GROUP_PREFIX = `${ConsoleGroupPrefix}tap`;

const groupOfDeadLetterTopic = new Map(Object.values(ConsumerGroups).map((group) => [deadLetterTopic(group), group]));

// The steps of the saga that undo an earlier one: the page marks them in the swimlane and the stream.
const COMPENSATIONS: ReadonlySet<string> = new Set<EventType>([
  'OrderCancelled',
  'StockReleased',
  'PaymentRefunded',
  'ShipmentCancelled',
]);

/** What LiveFeed needs of a feed; tests pass a fake. */
export interface Feed {
  readonly groupId: string;
  /** Resolves once the tap has joined its group; `publish` then gets each batch's messages in order. */
  start(publish: (messages: FeedMessage[]) => void): Promise<void>;
  /** Leaves and deletes the group. */
  stop(): Promise<void>;
}

export class ConsoleFeed implements Feed {
  private readonly tap: RecordTap;

  constructor(
    kafka: Kafka,
    private readonly serde: AvroSerde,
    private readonly logger: Logger,
  ) {
    this.tap = new RecordTap(
      kafka,
      TAP_GROUP_PREFIX,
      TopicSpecs.map((spec) => spec.name),
    );
  }

  get groupId(): string {
    return this.tap.groupId;
  }

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
    // A record that does not decode is what the page shows as poison: the error is the message.
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
      compensation: COMPENSATIONS.has(decoded.type),
    };
  }
}
