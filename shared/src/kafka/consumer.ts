// Consumes typed events for one consumer group. Handlers are registered per event type; the topics
// to subscribe to follow from the types. Each record is decoded, dispatched, and only then is its
// offset committed. A retriable failure is retried in place with backoff (so later records of the
// same partition, i.e. the same order, never overtake it); a permanent one is dead-lettered.
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { AvroSerde } from '../avro/serde';
import { CircuitOpenError, isRetriable } from '../errors';
import { EventCatalog, type EventMap, type EventType } from '../generated/events';
import type { Logger } from '../log';
import type { SagaMetrics } from '../metrics';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { DeadLetterWriter } from './dead-letters';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  schemaId: number;
  log: Logger;
}

export type Handler<T extends EventType> = (event: EventMap[T], context: EventContext) => Promise<void>;

export interface EventConsumerOptions {
  /** A ConsumerGroups value for services; `<groupId>.dlt` must exist (see topics.ts). */
  groupId: string;
  /** The logical group whose `<group>.dlt` receives dead letters, when groupId is per instance. */
  deadLetterGroup?: string;
  logger: Logger;
  metrics?: SagaMetrics;
  fromBeginning?: boolean;
  backoff?: BackoffPolicy;
  /** Partitions handled at once; order within a partition (an order's events) is always kept. */
  concurrency?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SESSION_TIMEOUT_MS = 10_000;
const HEARTBEAT_INTERVAL_MS = 3_000;

export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: DeadLetterWriter;
  private readonly handlers = new Map<EventType, Handler<EventType>>();
  private readonly backoff: BackoffPolicy;
  private joined = false;

  constructor(
    kafka: Kafka,
    private readonly serde: AvroSerde,
    private readonly options: EventConsumerOptions,
  ) {
    // A short session, so a crashed member's partitions move to a live one within seconds, not the
    // default 30 s; long handlers (a slow provider) keep it alive with heartbeats (keepingAlive).
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
    });
    this.deadLetters = new DeadLetterWriter(kafka, options.deadLetterGroup ?? options.groupId);
    this.backoff = options.backoff ?? defaultBackoff;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.joined = false;
      options.logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    });
  }

  /** True once the group has assigned this member its partitions, false after a crash. */
  isJoined(): boolean {
    return this.joined;
  }

  on<T extends EventType>(type: T, handler: Handler<T>): this {
    this.handlers.set(type, handler as unknown as Handler<EventType>);
    return this;
  }

  topics(): string[] {
    return [...new Set([...this.handlers.keys()].map((type) => EventCatalog[type].topic))].sort();
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics(), fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.concurrency ?? 1,
      eachMessage: async ({ topic, partition, message, heartbeat, pause }) => {
        await this.process(topic, partition, message, heartbeat, pause);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    pause: () => () => void,
  ) {
    const key = message.key?.toString() ?? null;
    const log = this.options.logger.child({ topic, partition, offset: message.offset, correlationId: key });
    for (let attempt = 1; ; attempt++) {
      try {
        const decoded = await this.serde.decode(message.value);
        const handler = this.handlers.get(decoded.type);
        if (!handler) return; // another type on a shared topic: not ours to handle
        const eventLog = log.child({ eventId: decoded.value.envelope.eventId, eventType: decoded.type });
        const context = { topic, partition, offset: message.offset, key, schemaId: decoded.schemaId, log: eventLog };
        await this.keepingAlive(heartbeat, log, () => handler(decoded.value, context));
        return;
      } catch (error) {
        if (error instanceof CircuitOpenError) {
          // The provider is down: hold this partition (this order and the ones behind it) until the
          // breaker lets a probe through, then try the same record again.
          // The outage is the breaker's to judge: start counting attempts afresh after it.
          attempt = 0;
          await this.pauseFor(error, topic, partition, log, heartbeat, pause);
          continue;
        }
        if (!isRetriable(error) || attempt >= this.backoff.maxAttempts) {
          log.error({ err: error, attempt }, 'record failed permanently; writing it to the dead-letter topic');
          await this.deadLetters.write({ topic, partition, ...message, key: message.key }, error, attempt);
          this.options.metrics?.deadLettered.inc({ topic: this.deadLetters.topic });
          return;
        }
        const delay = backoffDelay(this.backoff, attempt);
        log.warn({ err: error, attempt, delayMs: delay }, 'record failed; retrying after backoff');
        await sleep(delay);
        await heartbeat();
      }
    }
  }

  private async pauseFor(
    error: CircuitOpenError,
    topic: string,
    partition: number,
    log: Logger,
    heartbeat: () => Promise<void>,
    pause: () => () => void,
  ): Promise<void> {
    const resume = pause();
    this.options.metrics?.partitionsPaused.inc({ topic });
    log.warn({ breaker: error.breaker, pauseMs: error.retryAfterMs }, 'circuit open: partition paused');
    const until = Date.now() + error.retryAfterMs;
    while (Date.now() < until) {
      await sleep(Math.min(1_000, until - Date.now()));
      await heartbeat();
    }
    resume();
    log.info({ breaker: error.breaker }, 'partition resumed: probing the provider');
  }

  /** Runs `work`, heartbeating meanwhile: kafkajs only heartbeats between records on its own. */
  private async keepingAlive<T>(heartbeat: () => Promise<void>, log: Logger, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        // A rebalance is under way: kafkajs rejoins once this record is done; nothing to do here.
        log.debug({ err: error }, 'heartbeat during a long handler failed');
      });
    }, HEARTBEAT_INTERVAL_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}
