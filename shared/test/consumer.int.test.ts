// The typed consumer against the real stack: handlers get decoded events of their type, and records
// that cannot be decoded go to the group's dead-letter topic with the reason, and the group moves on.
import {
  DeadLetterHeaders,
  EventConsumer,
  EventPublisher,
  frame,
  newEnvelope,
  type OrderConfirmed,
} from '@saga/shared';
import {
  connectedProducer,
  eventually,
  onCleanup,
  readRecords,
  testKafka,
  testLogger,
  testSerde,
  uniqueName,
} from '../../test/support/helpers';

describe('EventConsumer', () => {
  const kafka = testKafka();

  it('hands each handler its own event type and dead-letters poison records without stopping', async () => {
    const groupId = uniqueName('test-consumer');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: `${groupId}.dlt` }], waitForLeaders: true });
    await admin.disconnect();
    const serde = testSerde();
    await serde.registerWriters(['OrderConfirmed']);
    const publisher = new EventPublisher(kafka, serde);
    await publisher.connect();
    onCleanup(() => publisher.disconnect());
    const orderId = uniqueName('order');
    const confirmed: OrderConfirmed = {
      envelope: newEnvelope('test', { correlationId: orderId, causationId: 'test' }),
      orderId,
      totalCents: 4200,
      currency: 'EUR',
    };
    const received: OrderConfirmed[] = [];
    const consumer = new EventConsumer(kafka, serde, { groupId, logger: testLogger });
    consumer.on('OrderConfirmed', async (event) => {
      if (event.orderId === orderId) received.push(event);
    });
    await consumer.start();
    onCleanup(() => consumer.stop());

    const raw = await connectedProducer(kafka);
    await raw.send({
      topic: 'order.events',
      messages: [{ key: orderId, value: Buffer.from('garbage'), headers: { trace: 't-1' } }],
    });
    await raw.send({ topic: 'order.events', messages: [{ key: orderId, value: frame(424_242, Buffer.from([1])) }] });
    await publisher.publish([{ type: 'OrderConfirmed', key: orderId, value: confirmed }]);

    await eventually(() => (received.length > 0 ? true : undefined));
    expect(received).toEqual([confirmed]);
    // Other suites leave poison of their own on order.events; this group dead-letters that too.
    const deadLetters = (
      await readRecords(
        kafka,
        `${groupId}.dlt`,
        (read) => read.filter((r) => r.key?.toString() === orderId).length >= 2,
      )
    ).filter((record) => record.key?.toString() === orderId);
    const headers = deadLetters.map((record) =>
      Object.fromEntries(Object.entries(record.headers ?? {}).map(([name, value]) => [name, value?.toString()])),
    );
    expect(deadLetters.map((record) => record.key?.toString())).toEqual([orderId, orderId]);
    expect(deadLetters[0]?.value?.toString()).toBe('garbage');
    expect(headers[0]).toMatchObject({
      trace: 't-1',
      [DeadLetterHeaders.originalTopic]: 'order.events',
      [DeadLetterHeaders.errorType]: 'SAGA_DECODE_FAILED',
      [DeadLetterHeaders.attempts]: '1',
    });
    expect(headers[1]).toMatchObject({ [DeadLetterHeaders.errorType]: 'SAGA_UNKNOWN_SCHEMA_ID' });
    for (const header of headers) {
      expect(Object.keys(header)).toEqual(expect.arrayContaining(Object.values(DeadLetterHeaders)));
    }
  });
});
