// Sees the saga by subscribing, not by polling the gateway: one consumer in a fresh group, from the
// latest offsets, on every topic an order's saga crosses. Each record is decoded with the shared Avro
// serde for its type and order id (envelope.correlationId); its timestamp is the producer's clock at
// send (CreateTime), the same machine clock as the bench's POST send times.
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import {
  AvroSerde,
  RegistryClient,
  Topics,
  createKafka,
  loadCatalog,
  type KafkaSecurity,
  type Logger,
} from '@saga/shared';

/** kafkajs' own warnings (bounded retries on an idempotent producer, rebalances) are not the bench's news. */
export const quiet = (logger: Logger): Logger => logger.child({}, { level: 'error' });

/** Per order id: the timestamp of the first record of each type. */
export type Timeline = Map<string, number>;

export class SagaCollector {
  readonly timelines = new Map<string, Timeline>();
  undecodable = 0;
  private readonly consumer: Consumer;
  private readonly kafka: Kafka;
  private readonly groupId = `bench-collector-${randomUUID()}`;
  private readonly serde: AvroSerde;

  constructor(brokers: string[], security: KafkaSecurity, registryUrl: string, logger: Logger) {
    this.kafka = createKafka({ brokers, security, clientId: 'bench-collector', logger: quiet(logger) });
    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 50 });
    this.serde = new AvroSerde(new RegistryClient(registryUrl), loadCatalog());
  }

  /** Resolves once the group is joined; records before that are not seen (it starts from latest). */
  async start(): Promise<void> {
    const joined = new Promise<void>((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    await this.consumer.connect();
    const topics = [
      Topics.orderCommands,
      Topics.orderEvents,
      Topics.inventoryEvents,
      Topics.paymentEvents,
      Topics.shippingEvents,
    ];
    await this.consumer.subscribe({ topics, fromBeginning: false });
    await this.consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) await this.record(message.value, Number(message.timestamp));
      },
    });
    await joined;
  }

  private async record(value: Buffer | null, timestamp: number): Promise<void> {
    try {
      const event = await this.serde.decode(value);
      const orderId = event.value.envelope.correlationId;
      const timeline = this.timelines.get(orderId) ?? new Map<string, number>();
      // Keep the first sighting: a redelivered record is not a later step.
      if (!timeline.has(event.type)) timeline.set(event.type, timestamp);
      this.timelines.set(orderId, timeline);
    } catch {
      this.undecodable++; // not ours to judge (another client's garbage); counted in the report
    }
  }

  /** The terminal record's timestamp and type, once the order's saga ended. */
  outcome(orderId: string): { type: 'OrderConfirmed' | 'OrderCancelled'; atMs: number } | undefined {
    const timeline = this.timelines.get(orderId);
    const confirmed = timeline?.get('OrderConfirmed');
    if (confirmed !== undefined) return { type: 'OrderConfirmed', atMs: confirmed };
    const cancelled = timeline?.get('OrderCancelled');
    return cancelled === undefined ? undefined : { type: 'OrderCancelled', atMs: cancelled };
  }

  /** Leaves and deletes its group (best effort), so runs do not pile up empty groups on the broker. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
