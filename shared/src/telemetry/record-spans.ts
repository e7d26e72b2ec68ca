// The Kafka spans of one order's trace, by OpenTelemetry's messaging conventions: a `send <topic>`
// PRODUCER span for every record a producer writes, and a `process <topic>` CONSUMER span for every
// record a handler handles, the child of the producer's. The context travels in the record's W3C
// `traceparent` header. A handler's events are encoded while its span is active, so each outbox row
// keeps the handler's context in its stored headers (`traceHeaders()`); the relay, maybe in another
// process after a restart, starts the send span from there. So every hop of an order stays one trace.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { IHeaders, Message } from 'kafkajs';

const tracer = trace.getTracer('@saga/shared');

/** Saga attributes beside the conventions' own: what an order's spans are searched by. */
export const SagaAttributes = {
  eventType: 'saga.event_type',
  orderId: 'saga.order_id',
  outcome: 'saga.outcome',
  replayed: 'saga.replayed',
} as const;

// The record headers read here; the ids are duplicated from publisher.ts and dead-letter-review.ts
// to keep this module free of the Kafka runtime it instruments.
const EVENT_TYPE = 'event-type';
const CORRELATION_ID = 'correlation-id';
const REPLAYED_FROM = 'dlt.replayed.from';

const headerGetter: TextMapGetter<IHeaders | Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value.map(String) : String(value);
  },
};

function header(headers: IHeaders | Record<string, string> | undefined, name: string): string | undefined {
  return headers ? headerGetter.get(headers, name)?.toString() : undefined;
}

/** The trace context a record's headers carry (none: the root context). */
export function contextOf(headers: IHeaders | Record<string, string> | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
}

/** `traceparent` (and `tracestate`) of the active span, to store with a record; empty when none is active. */
export function traceHeaders(active: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier;
}

/**
 * Starts a `send <topic>` span per message, each the child of the context its own headers carry (the
 * handler's, stored in the outbox row; a request's, at the gateway; the processing span of a failed
 * record, for its dead letter), and writes the span's context into the headers the broker gets. A
 * replayed dead letter stays in its order's trace, linked to the span that first produced it.
 */
export function startSendSpans(topic: string, messages: readonly Message[]): { spans: Span[]; messages: Message[] } {
  const spans: Span[] = [];
  const traced = messages.map((message) => {
    const headers = { ...message.headers };
    const parent = header(headers, 'traceparent') ? contextOf(headers) : context.active();
    const replayed = header(headers, REPLAYED_FROM) !== undefined;
    const origin = trace.getSpanContext(parent);
    const links: Link[] = replayed && origin ? [{ context: origin }] : [];
    const span = tracer.startSpan(
      `send ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        links,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.operation.name': 'send',
          'messaging.destination.name': topic,
          ...(message.key != null && { 'messaging.kafka.message.key': message.key.toString() }),
          ...optional(SagaAttributes.eventType, header(headers, EVENT_TYPE)),
          ...optional(SagaAttributes.orderId, header(headers, CORRELATION_ID)),
          ...(replayed && { [SagaAttributes.replayed]: true }),
        },
      },
      parent,
    );
    propagation.inject(trace.setSpan(parent, span), headers);
    spans.push(span);
    return { ...message, headers };
  });
  return { spans, messages: traced };
}

/** Ends the send spans once the broker answered (or failed) the produce that carried them. */
export function endSendSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) failed(span, error);
    span.end();
  }
}

export interface ConsumedRecordInfo {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string;
  eventType: string;
  correlationId: string;
  headers?: IHeaders | undefined;
}

/**
 * Runs `work` inside a `process <topic>` span, the child of the producer's span the record's headers
 * name, so whatever the handler logs, calls (a provider) or emits belongs to the order's trace.
 */
export function processSpan<R>(
  record: ConsumedRecordInfo,
  group: string,
  work: (span: Span) => Promise<R>,
): Promise<R> {
  const parent = contextOf(record.headers);
  const span = tracer.startSpan(
    `process ${record.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': record.topic,
        'messaging.destination.partition.id': String(record.partition),
        'messaging.consumer.group.name': group,
        'messaging.kafka.offset': Number(record.offset),
        'messaging.message.id': record.eventId,
        ...(record.key !== null && { 'messaging.kafka.message.key': record.key }),
        [SagaAttributes.eventType]: record.eventType,
        [SagaAttributes.orderId]: record.correlationId,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Runs `work` in an internal span continuing the trace `headers` carry (a timer acting on an order). */
export function withRecordTrace<R>(
  name: string,
  headers: Record<string, string> | undefined,
  work: () => Promise<R>,
): Promise<R> {
  const parent = contextOf(headers);
  const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's handling failed with `error` (the consumer then holds or dead-letters the record). */
export function recordFailed(error: unknown): void {
  const span = trace.getActiveSpan();
  if (span) failed(span, error);
}

/** How the active span's record ended when not plainly handled: held for a retry, dead-lettered, a duplicate. */
export function recordOutcome(outcome: 'held' | 'dead-lettered' | 'duplicate'): void {
  trace.getActiveSpan()?.setAttribute(SagaAttributes.outcome, outcome);
}

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

function optional(name: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [name]: value };
}
