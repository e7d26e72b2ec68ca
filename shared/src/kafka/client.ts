// The one place kafkajs is constructed. Services never import kafkajs: they get publishers,
// consumers and admin helpers from this folder, so a later client swap stays inside shared/.
import fs from 'node:fs';
import { Kafka, Partitioners, logLevel, type LogEntry, type ProducerConfig, type RetryOptions } from 'kafkajs';
import type { KafkaSecurity } from '../config';
import type { Logger } from '../log';
import { applyIdleTimerFix } from './idle-timer-fix';

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  retry?: RetryOptions;
  /** SASL credentials and the CA for TLS (config.ts kafkaSecurity); none: PLAINTEXT. */
  security?: KafkaSecurity;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka({ brokers, clientId, logger, retry, security = {} }: KafkaOptions): Kafka {
  const kafkaLog = logger.child({ component: 'kafkajs' });
  if (!applyIdleTimerFix()) kafkaLog.warn('kafkajs internals changed: its idle 1 ms timer loop is not disabled');
  return new Kafka({
    clientId,
    brokers,
    ...(security.sasl ? { sasl: security.sasl } : {}),
    ...(security.caLocation ? { ssl: { ca: [fs.readFileSync(security.caLocation, 'utf8')] } } : {}),
    retry: retry ?? { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        kafkaLog[LEVELS[level] ?? 'info'](extra, message);
      },
  });
}

/**
 * Every producer of the system: idempotent (broker-side dedup of retried sends), never creating
 * topics (they come from topics.ts), and with the Java client's murmur2 partitioner, so a key lands on
 * the same partition whichever client wrote it.
 */
export function producerConfig(maxInFlightRequests: 1 | 5): ProducerConfig {
  return {
    idempotent: true,
    maxInFlightRequests,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  };
}
