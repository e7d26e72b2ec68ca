// Publishes typed events: encodes with the registered schema, keys by the aggregate id (so every
// record of one order lands on one partition, in order), and sends with an idempotent producer.
import { CompressionTypes, type Kafka } from 'kafkajs';
import { producerConfig } from './client';
import { RenewableProducer } from './renewable-producer';
import type { AvroSerde } from '../avro/serde';
import type { Envelope, EventMap, EventType } from '../generated/events';
import { traceHeaders } from '../telemetry/record-spans';
import type { Context } from '@opentelemetry/api';

/** Headers beside the Avro value, so tools (kcat, the dlt CLI) can tell type and order without decoding. */
export const RecordHeaders = { eventType: 'event-type', correlationId: 'correlation-id' } as const;

/**
 * The headers of every record, whether the gateway publishes it or a service's outbox relay does: with
 * the active trace context, so a record encoded by a handler (and kept in the outbox) continues its trace.
 */
export function recordHeaders(type: EventType, envelope: Envelope, trace?: Context): Record<string, string> {
  return {
    [RecordHeaders.eventType]: type,
    [RecordHeaders.correlationId]: envelope.correlationId,
    ...traceHeaders(trace),
  };
}

export interface OutgoingEvent<T extends EventType = EventType> {
  type: T;
  key: string;
  value: EventMap[T];
  headers?: Record<string, string>;
}

export class EventPublisher {
  private readonly producer: RenewableProducer;

  constructor(
    kafka: Kafka,
    private readonly serde: AvroSerde,
  ) {
    // Idempotent: broker-side dedup of producer retries, so a retried send never duplicates.
    this.producer = new RenewableProducer(kafka, producerConfig(5));
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Publishes a batch; records for the same topic go in one request, in the order given. */
  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
    for (const event of events) {
      const topic = this.serde.topicOf(event.type);
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: event.key,
        value: this.serde.encode(event.type, event.value as never),
        headers: { ...recordHeaders(event.type, event.value.envelope), ...event.headers },
      });
      byTopic.set(topic, messages);
    }
    await this.producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      acks: -1,
      compression: CompressionTypes.None,
    });
  }
}
