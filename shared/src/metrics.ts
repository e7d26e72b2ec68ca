// Prometheus metrics every service exposes on /metrics. Names live here, once, as constants.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const MetricNames = {
  consumed: 'saga_events_consumed_total',
  duplicates: 'saga_events_duplicate_total',
  failed: 'saga_events_failed_total',
  deadLettered: 'saga_events_dead_lettered_total',
  produced: 'saga_events_produced_total',
  handlerSeconds: 'saga_handler_duration_seconds',
  outboxUnpublished: 'saga_outbox_unpublished',
  circuitState: 'saga_circuit_state',
  partitionsPaused: 'saga_partitions_paused_total',
  httpRequests: 'saga_gateway_http_requests_total',
  batchRecords: 'saga_consumer_batch_records',
  relaySends: 'saga_outbox_relay_sends_total',
} as const;

export class SagaMetrics {
  readonly registry = new Registry();
  readonly consumed: Counter<'type'>;
  readonly duplicates: Counter<'type'>;
  readonly failed: Counter<'type' | 'error'>;
  readonly deadLettered: Counter<'topic'>;
  readonly produced: Counter<'type'>;
  readonly handlerSeconds: Histogram<'type'>;
  readonly outboxUnpublished: Gauge;
  readonly circuitState: Gauge<'breaker'>;
  readonly partitionsPaused: Counter<'topic'>;
  readonly batchRecords: Histogram<'topic'>;
  readonly relaySends: Counter;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.consumed = new Counter({
      name: MetricNames.consumed,
      help: 'events handled',
      labelNames: ['type'],
      registers,
    });
    this.duplicates = new Counter({
      name: MetricNames.duplicates,
      help: 'redelivered events skipped because their eventId was already processed',
      labelNames: ['type'],
      registers,
    });
    this.failed = new Counter({
      name: MetricNames.failed,
      help: 'handler attempts that threw',
      labelNames: ['type', 'error'],
      registers,
    });
    this.deadLettered = new Counter({
      name: MetricNames.deadLettered,
      help: 'records written to a dead-letter topic',
      labelNames: ['topic'],
      registers,
    });
    this.produced = new Counter({
      name: MetricNames.produced,
      help: 'events published',
      labelNames: ['type'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: MetricNames.handlerSeconds,
      help: 'time to handle one event, including its transaction',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
      registers,
    });
    this.outboxUnpublished = new Gauge({
      name: MetricNames.outboxUnpublished,
      help: 'events committed and not yet published: the whole outbox, counted after each drain',
      registers,
    });
    this.circuitState = new Gauge({
      name: MetricNames.circuitState,
      help: 'provider circuit breaker: 0 closed, 1 half-open, 2 open',
      labelNames: ['breaker'],
      registers,
    });
    this.partitionsPaused = new Counter({
      name: MetricNames.partitionsPaused,
      help: 'times a partition was paused because a circuit breaker was open',
      labelNames: ['topic'],
      registers,
    });
    this.batchRecords = new Histogram({
      name: MetricNames.batchRecords,
      help: 'records per fetched batch of one partition: how much each fetch, transaction and offset commit carries',
      labelNames: ['topic'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    });
    this.relaySends = new Counter({
      name: MetricNames.relaySends,
      help: 'produce requests the outbox relay sent (each carries every pending record, up to its batch size)',
      registers,
    });
  }
}
