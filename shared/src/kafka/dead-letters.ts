// Writes a record that cannot be processed to `<group>.dlt`: the original key, value and headers,
// plus why and where it failed, so nothing is lost and a person can replay it once the cause is fixed.
import type { IHeaders, Kafka } from 'kafkajs';
import { producerConfig } from './client';
import { RenewableProducer } from './renewable-producer';
import { SagaError } from '../errors';
import { traceHeaders } from '../telemetry/record-spans';
import { deadLetterTopic } from '../topics';

export const DeadLetterHeaders = {
  originalTopic: 'dlt.original.topic',
  originalPartition: 'dlt.original.partition',
  originalOffset: 'dlt.original.offset',
  errorType: 'dlt.error.type',
  errorMessage: 'dlt.error.message',
  attempts: 'dlt.attempts',
  failedAt: 'dlt.failed.at',
} as const;

export interface FailedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders | undefined;
}

export function errorType(error: unknown): string {
  if (error instanceof SagaError) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

export class DeadLetterWriter {
  private readonly producer: RenewableProducer;
  readonly topic: string;

  constructor(kafka: Kafka, group: string) {
    this.topic = deadLetterTopic(group);
    this.producer = new RenewableProducer(kafka, producerConfig(1));
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async write(record: FailedRecord, error: unknown, attempts: number, now: Date = new Date()): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: record.key,
          value: record.value,
          headers: {
            ...record.headers,
            // Written while the failed record's process span is active: the dead letter is its child.
            ...traceHeaders(),
            [DeadLetterHeaders.originalTopic]: record.topic,
            [DeadLetterHeaders.originalPartition]: String(record.partition),
            [DeadLetterHeaders.originalOffset]: record.offset,
            [DeadLetterHeaders.errorType]: errorType(error),
            [DeadLetterHeaders.errorMessage]: message,
            [DeadLetterHeaders.attempts]: String(attempts),
            [DeadLetterHeaders.failedAt]: now.toISOString(),
          },
        },
      ],
    });
  }
}
