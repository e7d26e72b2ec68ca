// The order's trace id travels from a record's traceparent header, through the real consumer and
// projector, into the read model. The records are StockReleased, a fact no saga service acts on: the
// test broker is shared with the end-to-end suites, whose services must not inherit orders to handle.
import { randomUUID } from 'node:crypto';
import { SagaMetrics, newEnvelope } from '@saga/shared';
import {
  connectedProducer,
  eventually,
  onCleanup,
  testKafka,
  testLogger,
  testSerde,
} from '../../../test/support/helpers';
import { Projector } from '../src/projection/projector';
import { memoryReadModel } from './helpers';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

it("When an order's record carries a traceparent header, Then the read model keeps its trace id", async () => {
  const kafka = testKafka();
  const serde = testSerde();
  await serde.registerWriters(['StockReleased']);
  const { readModel, database } = memoryReadModel();
  const projector = new Projector(kafka, serde, readModel, {
    logger: testLogger,
    metrics: new SagaMetrics('gateway-test'),
  });
  await projector.start();
  onCleanup(async () => {
    await projector.stop();
    await database.close();
  });
  const [traced, untraced] = [randomUUID(), randomUUID()];
  const released = (orderId: string) =>
    serde.encode('StockReleased', {
      envelope: newEnvelope('inventory-service', { correlationId: orderId, causationId: 'projection-trace-test' }),
      orderId,
      lines: [{ sku: 'SKU-001', quantity: 1, unitPriceCents: 1_999 }],
    });

  const producer = await connectedProducer(kafka);
  await producer.send({
    topic: serde.topicOf('StockReleased'),
    messages: [
      { key: traced, value: released(traced), headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` } },
      { key: untraced, value: released(untraced) },
    ],
  });

  const [withHeader, without] = await eventually(async () => {
    const orders = await Promise.all([readModel.store.order(traced), readModel.store.order(untraced)]);
    return orders.every(Boolean) ? orders : undefined;
  });
  expect(withHeader?.traceId).toBe(TRACE_ID);
  expect(without?.traceId).toBeNull();
});
