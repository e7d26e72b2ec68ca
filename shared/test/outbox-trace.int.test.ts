// The trace context through the outbox: each event a handler emits keeps that handler's context in its
// stored headers, even when the batch's commits are grouped; and a relay in another process, started
// after the committing one stopped, publishes it as the child of that context, so the order's trace
// goes on across the restart. The relay's spans are read back from a real Zipkin.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { trace } from '@opentelemetry/api';
import { ZipkinClient } from '@saga/client';
import { SagaMetrics, ServiceMessaging, withRecordTrace, type EventContext } from '@saga/shared';
import type { ConsumedRecord } from '../src/kafka/consumer';
import { OutboxRelay } from '../src/kafka/outbox-relay';
import {
  createTopic,
  readRecords,
  stackEndpoints,
  testKafka,
  testLogger,
  testSerde,
  uniqueName,
} from '../../test/support/helpers';
import { orderConfirmed } from '../../test/support/order-events';
import { inMemoryTracing, type InMemoryTracing } from './support/in-memory-tracing';
import { openServiceDatabase } from './support/outbox-fixture';

const run = promisify(execFile);
const RELAY = path.join(__dirname, 'support/relay-restarted.cjs');

let tracing: InMemoryTracing;
beforeAll(() => (tracing = inMemoryTracing()));
afterAll(() => tracing.stop());

async function messagingOnFile() {
  const { database, tables, file } = openServiceDatabase();
  const serde = testSerde();
  await serde.registerWriters(['OrderCancelled']);
  const metrics = new SagaMetrics('test');
  // Not started: these tests read the outbox itself, or drain it from another process.
  const relay = new OutboxRelay(testKafka(), database, tables, { logger: testLogger, metrics });
  const messaging = new ServiceMessaging({
    service: 'test',
    db: database,
    tables,
    outbox: tables,
    serde,
    relay,
    metrics,
  });
  return { database, tables, messaging, file };
}

const traceparent = (traceId: string) => `00-${traceId}-${'1'.repeat(16)}-01`;
const parse = (header: string | undefined) => {
  const [, traceId, spanId] = String(header).split('-');
  return { traceId, spanId };
};

describe('the outbox keeps the trace context', () => {
  it("stores each emitted event with its own handler's span, though the batch commits together", async () => {
    const { database, tables, messaging } = await messagingOnFile();
    messaging.handle('OrderConfirmed', async (event, context) => {
      // Emitted inside the commit's work, which runs in the batch's grouped flush.
      await context.commit(() => context.emit('OrderCancelled', { orderId: event.orderId, reason: 'TIMED_OUT' }));
    });
    const traces = ['a'.repeat(32), 'b'.repeat(32)];
    const records: ConsumedRecord[] = traces.map((traceId, index) => {
      const context: EventContext = {
        topic: 'order.events',
        partition: 0,
        offset: String(index),
        key: `order-${index}`,
        schemaId: 1,
        groupId: 'test',
        headers: { traceparent: traceparent(traceId) },
        log: testLogger,
      };
      return { type: 'OrderConfirmed', event: orderConfirmed(`order-${index}`), context };
    });

    expect(await messaging.dispatch(records, () => Promise.reject(new Error('no failure expected')))).toBe(2);

    const rows = await tables.pending(10);
    const processSpans = tracing.spans().filter((span) => span.name === 'process order.events');
    expect(rows.map((row) => parse(row.headers.traceparent).traceId)).toEqual(traces);
    expect(rows.map((row) => parse(row.headers.traceparent).spanId)).toEqual(
      traces.map(
        (traceId) => processSpans.find((span) => span.spanContext().traceId === traceId)?.spanContext().spanId,
      ),
    );
    await database.close();
  });

  it('publishes a committed event from a relay started after the committing process stopped, in the same trace', async () => {
    const zipkinUrl = process.env.TEST_ZIPKIN_URL;
    if (!zipkinUrl)
      throw new Error('TEST_ZIPKIN_URL is not set: the test stack starts Zipkin (test/support/global-setup.ts)');
    const kafka = testKafka();
    const topic = await createTopic(kafka);
    const { database, tables, messaging, file } = await messagingOnFile();
    const orderId = uniqueName('order');
    // A timer's work on an order, in the order's trace: the committing "process" is this one.
    let handlerSpan = { traceId: '', spanId: '' };
    await withRecordTrace('handler', { traceparent: traceparent('c'.repeat(32)) }, async () => {
      handlerSpan = trace.getActiveSpan()!.spanContext();
      await messaging.act({ correlationId: orderId, causationId: 'test' }, async (unit) => {
        const record = unit.encode('OrderCancelled', { orderId, reason: 'TIMED_OUT' });
        await unit.commit(async () => {
          // The row goes to this test's own topic, so nothing else reads it.
          await tables.enqueue([{ ...record, topic }]);
        });
      });
    });
    await database.close();

    // Another process, started now, drains the outbox the first one left and exports its spans.
    const { brokers } = stackEndpoints();
    await run(process.execPath, [RELAY, file, brokers.join(',')], {
      env: {
        ...process.env,
        OTEL_SERVICE_NAME: 'relay-restarted',
        OTEL_TRACES_EXPORTER: 'zipkin',
        OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${zipkinUrl}/api/v2/spans`,
      },
      timeout: 60_000,
    });

    const [published] = await readRecords(kafka, topic, 1);
    const sent = parse(published?.headers?.traceparent?.toString());
    expect(sent.traceId).toBe(handlerSpan.traceId);
    const spans = await new ZipkinClient(zipkinUrl).traceUntil(handlerSpan.traceId, (found) =>
      found.some((span) => span.id === sent.spanId),
    );
    const send = spans.find((span) => span.id === sent.spanId);
    expect(send).toMatchObject({
      name: `send ${topic}`,
      kind: 'PRODUCER',
      parentId: handlerSpan.spanId,
      localEndpoint: { serviceName: 'relay-restarted' },
    });
  });
});
