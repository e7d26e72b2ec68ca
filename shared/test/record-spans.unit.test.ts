// The Kafka spans that keep one order in one trace: a send span is the child of the context its record
// carries and hands its own on; a process span is the child of the producer's; a replay stays in the
// order's trace with a link to where the record first came from; a log line names the active span.
import { Writable } from 'node:stream';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { createLogger } from '../src/log';
import {
  contextOf,
  processSpan,
  recordFailed,
  startSendSpans,
  endSendSpans,
  traceHeaders,
  withRecordTrace,
} from '../src/telemetry/record-spans';
import { inMemoryTracing, type InMemoryTracing } from './support/in-memory-tracing';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const HANDLER_SPAN = '00f067aa0ba902b7';
const stored = { traceparent: `00-${TRACE}-${HANDLER_SPAN}-01`, 'event-type': 'OrderPlaced', 'correlation-id': 'o-1' };

/** Trace id and parent span id of a traceparent header. */
const parse = (traceparent: unknown) => {
  const [, traceId, spanId] = String(traceparent).split('-');
  return { traceId, spanId };
};

let tracing: InMemoryTracing;
// Once per file: the library's tracer is bound to the provider registered first.
beforeAll(() => (tracing = inMemoryTracing()));
beforeEach(() => tracing.reset());
afterAll(() => tracing.stop());

describe('send spans', () => {
  it('start as the child of the context the record carries and hand their own on in its headers', () => {
    const { spans, messages } = startSendSpans('order.events', [{ key: 'o-1', value: null, headers: stored }]);
    endSendSpans(spans);

    const [span] = tracing.spans();
    expect(span?.name).toBe('send order.events');
    expect(span?.kind).toBe(SpanKind.PRODUCER);
    expect(span?.spanContext().traceId).toBe(TRACE);
    expect(span?.parentSpanContext?.spanId).toBe(HANDLER_SPAN);
    expect(span?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'order.events',
      'messaging.operation.type': 'send',
      'saga.event_type': 'OrderPlaced',
      'saga.order_id': 'o-1',
    });
    expect(parse(messages[0]?.headers?.traceparent)).toEqual({ traceId: TRACE, spanId: span?.spanContext().spanId });
    expect(stored.traceparent).toBe(`00-${TRACE}-${HANDLER_SPAN}-01`); // the caller's headers are not changed
  });

  it('start under the active span when the record carries no context (a request at the gateway)', async () => {
    await withRecordTrace('request', stored, async () => {
      const { spans } = startSendSpans('order.commands', [{ key: 'o-1', value: null, headers: {} }]);
      endSendSpans(spans);
    });
    const [send, request] = tracing.spans();
    expect(send?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(send?.spanContext().traceId).toBe(TRACE);
  });

  it('keep a replayed dead letter in its order trace, linked to the span it came from', () => {
    const replay = { ...stored, 'dlt.replayed.from': '7' };
    endSendSpans(startSendSpans('order.events', [{ key: 'o-1', value: null, headers: replay }]).spans);
    const [span] = tracing.spans();
    expect(span?.spanContext().traceId).toBe(TRACE);
    expect(span?.attributes['saga.replayed']).toBe(true);
    expect(span?.links.map((link) => link.context.spanId)).toEqual([HANDLER_SPAN]);
  });

  it('say the produce failed', () => {
    const { spans } = startSendSpans('order.events', [{ key: 'o-1', value: null, headers: stored }]);
    endSendSpans(spans, new Error('broker gone'));
    expect(tracing.spans()[0]?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker gone' });
  });
});

describe('process spans', () => {
  const record = {
    topic: 'order.events',
    partition: 2,
    offset: '41',
    key: 'o-1',
    eventId: 'e-1',
    eventType: 'OrderPlaced',
    correlationId: 'o-1',
    headers: { ...stored, traceparent: Buffer.from(stored.traceparent) },
  };

  it("are the child of the producer's span, and the active span while the handler runs", async () => {
    let emitted: Record<string, string> = {};
    await processSpan(record, 'payment-service', async () => {
      emitted = traceHeaders();
    });
    const [span] = tracing.spans();
    expect(span?.name).toBe('process order.events');
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.parentSpanContext?.spanId).toBe(HANDLER_SPAN);
    expect(span?.attributes).toMatchObject({
      'messaging.consumer.group.name': 'payment-service',
      'messaging.destination.partition.id': '2',
      'messaging.kafka.offset': 41,
      'messaging.message.id': 'e-1',
    });
    // What the handler emits carries the process span: the next hop is its child.
    expect(parse(emitted.traceparent)).toEqual({ traceId: TRACE, spanId: span?.spanContext().spanId });
  });

  it('say the handler failed, whether it threw or the consumer settled the failure', async () => {
    await expect(
      processSpan(record, 'g', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await processSpan(record, 'g', async () => recordFailed(new Error('declined')));
    expect(tracing.spans().map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
  });

  it('start a new trace for a record without a context', async () => {
    await processSpan({ ...record, headers: undefined }, 'g', async () => undefined);
    expect(tracing.spans()[0]?.parentSpanContext).toBeUndefined();
    expect(trace.getSpanContext(contextOf(undefined))).toBeUndefined();
  });
});

describe('log lines', () => {
  it('carry the traceId and spanId of the active span, and none outside one', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger('test', 'info', sink);
    await withRecordTrace('work', stored, async () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = lines;
    const span = tracing.spans()[0]?.spanContext();
    expect(inside).toMatchObject({ traceId: TRACE, spanId: span?.spanId });
    expect(outside).not.toHaveProperty('traceId');
  });
});
