// A consumer under test on order.events, fed records on chosen partitions, which records how long
// each took from send to handler. Partitions are chosen explicitly (not by key) so a test knows which
// partition is held and which must keep flowing.
import type { Kafka, Producer } from 'kafkajs';
import { EventConsumer, newEnvelope, type AvroSerde, type EventConsumerOptions } from '@saga/shared';
import {
  connectedProducer,
  eventually,
  onCleanup,
  testLogger,
  testSerde,
  uniqueName,
} from '../../../test/support/helpers';

export const TOPIC = 'order.events';

export interface Handled {
  orderId: string;
  partition: number;
  latencyMs: number;
}

export class PartitionProbe {
  readonly handled: Handled[] = [];
  private readonly sentAt = new Map<string, number>();
  private producer: Producer | undefined;
  private readonly serde: AvroSerde = testSerde();

  constructor(
    private readonly kafka: Kafka,
    readonly groupId: string,
  ) {}

  async connect(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: `${this.groupId}.dlt` }], waitForLeaders: true });
    await admin.disconnect();
    await this.serde.registerWriters(['OrderConfirmed']);
    this.producer = await connectedProducer(this.kafka, { idempotent: true });
  }

  /** A consumer of OrderConfirmed that runs `fail` first (throw to fail) and then records the event. */
  consumer(fail: (orderId: string) => void, options: Partial<EventConsumerOptions> = {}): EventConsumer {
    const consumer = new EventConsumer(this.kafka, this.serde, {
      groupId: this.groupId,
      logger: testLogger,
      fromBeginning: false,
      concurrency: 6,
      ...options,
    });
    consumer.on('OrderConfirmed', async (event, context) => {
      if (!this.sentAt.has(event.orderId)) return; // another suite's record
      fail(event.orderId);
      const latencyMs = Date.now() - (this.sentAt.get(event.orderId) ?? 0);
      this.handled.push({ orderId: event.orderId, partition: context.partition, latencyMs });
    });
    onCleanup(() => consumer.stop());
    return consumer;
  }

  async send(partition: number, orderId: string = uniqueName('order')): Promise<string> {
    const value = this.serde.encode('OrderConfirmed', {
      envelope: newEnvelope('test', { correlationId: orderId, causationId: 'test' }),
      orderId,
      totalCents: 100,
      currency: 'EUR',
    });
    this.sentAt.set(orderId, Date.now());
    await this.producer!.send({ topic: TOPIC, acks: -1, messages: [{ key: orderId, value, partition }] });
    return orderId;
  }

  /** Resolves once records sent on each partition are handled: the group has joined and fetches. */
  async warmUp(partitions: readonly number[]): Promise<void> {
    await eventually(async () => {
      const ids = await Promise.all(partitions.map((partition) => this.send(partition)));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return ids.every((id) => this.wasHandled(id)) ? true : undefined;
    }, 60_000);
  }

  wasHandled(orderId: string): boolean {
    return this.handled.some((record) => record.orderId === orderId);
  }

  latencies(orderIds: readonly string[]): number[] {
    return orderIds.map((id) => this.handled.find((record) => record.orderId === id)?.latencyMs ?? NaN);
  }
}
