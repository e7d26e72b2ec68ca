// An idempotent producer that is replaced when the broker has stopped accepting it. After a broker
// restart that lost a batch in flight, the broker answers every later produce of that producer id with
// OUT_OF_ORDER_SEQUENCE_NUMBER (or forgets the id: UNKNOWN_PRODUCER_ID): the producer never works again
// (kafkajs#598, librdkafka#3584). Seen here as a relay that retried for two minutes while its orders
// timed out. A new producer gets a new id and sequence; what the old one may have written twice is what
// every consumer already skips by eventId.
import type { Span } from '@opentelemetry/api';
import type { Kafka, Producer, ProducerBatch, ProducerConfig, ProducerRecord, RecordMetadata } from 'kafkajs';
import type { Logger } from '../log';
import { endSendSpans, startSendSpans } from '../telemetry/record-spans';

/** kafkajs error types after which an idempotent producer's sends can no longer succeed. */
const FATAL_TO_PRODUCER = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

export function isFatalToProducer(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && FATAL_TO_PRODUCER.has(type);
}

export class RenewableProducer {
  private producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ProducerConfig,
    private readonly logger?: Logger,
  ) {
    this.producer = kafka.producer(config);
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined; // the next call tries again
      throw error;
    });
    return this.connected;
  }

  async disconnect(): Promise<void> {
    this.connected = undefined;
    await this.producer.disconnect();
  }

  /** Sends, with a `send` span per message (see record-spans.ts), ended when the broker answered. */
  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { spans, messages } = startSendSpans(record.topic, record.messages);
    return this.traced(spans, (producer) => producer.send({ ...record, messages }));
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const spans: Span[] = [];
    const topicMessages = (batch.topicMessages ?? []).map(({ topic, messages }) => {
      const traced = startSendSpans(topic, messages);
      spans.push(...traced.spans);
      return { topic, messages: traced.messages };
    });
    return this.traced(spans, (producer) => producer.sendBatch({ ...batch, topicMessages }));
  }

  private async traced(spans: Span[], send: (producer: Producer) => Promise<RecordMetadata[]>) {
    try {
      const metadata = await this.using(send);
      endSendSpans(spans);
      return metadata;
    } catch (error) {
      endSendSpans(spans, error);
      throw error;
    }
  }

  private async using<T>(send: (producer: Producer) => Promise<T>): Promise<T> {
    await this.connect();
    const producer = this.producer;
    try {
      return await send(producer);
    } catch (error) {
      if (isFatalToProducer(error) && producer === this.producer) await this.renew(producer, error);
      throw error; // the caller retries as it does any failed send, now with the new producer
    }
  }

  private async renew(old: Producer, cause: unknown): Promise<void> {
    this.logger?.warn({ err: cause }, 'the broker no longer accepts this producer: starting a new one');
    this.producer = this.kafka.producer(this.config);
    this.connected = undefined;
    await old.disconnect().catch((error: unknown) => this.logger?.warn({ err: error }, 'closing the old producer'));
  }
}
