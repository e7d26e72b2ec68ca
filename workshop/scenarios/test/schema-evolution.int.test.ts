// Schema evolution for real, against the real registry and broker: OrderPlaced v1 and v2 side by side
// under FULL_TRANSITIVE. A build made before v2 reads v2 records, the current build reads v1 records,
// Apache Avro's own Java reader decodes both with either reader schema, and the registry refuses an
// incompatible v3 with its 409.
import { randomUUID } from 'node:crypto';
import {
  AvroSerde,
  RegistryClient,
  SCHEMAS_DIR,
  SchemaIncompatibleError,
  loadCatalog,
  newEnvelope,
  subjectFor,
  type OrderPlaced,
} from '@saga/shared';
import { connectedProducer, createTopic, readRecords, stackEndpoints, testKafka } from '../../../test/support/helpers';
import { readWithJavaAvro } from '../src/java-avro-reader';

const current = loadCatalog();
const oldBuild = loadCatalog(SCHEMAS_DIR, { maxVersion: 1 });
const version = (n: number) => current.versions.find((entry) => entry.name === 'OrderPlaced' && entry.version === n)!;

function orderPlaced(orderId: string, giftMessage: string | null): OrderPlaced {
  return {
    envelope: newEnvelope('order-service', { correlationId: orderId, causationId: 'test' }),
    orderId,
    customerId: 'c-1',
    items: [{ sku: 'SKU-001', quantity: 1 }],
    paymentToken: 'tok_visa',
    shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    giftMessage,
  };
}

describe('OrderPlaced v1 and v2 under FULL_TRANSITIVE', () => {
  const kafka = testKafka();
  const registry = new RegistryClient(stackEndpoints().registryUrl);
  const v2Serde = new AvroSerde(registry, current);
  const v1Serde = new AvroSerde(registry, oldBuild);
  const orderId = randomUUID();
  const v2Record = orderPlaced(orderId, 'Happy birthday!');
  // The same order as the old build's type had it: everything but the new field.
  const { giftMessage: _, ...v1Record } = v2Record;
  let topic: string;
  let v1Bytes: Buffer;
  let v2Bytes: Buffer;

  beforeAll(async () => {
    await v2Serde.registerWriters(['OrderPlaced']); // registers v1, then v2
    await v1Serde.registerWriters(['OrderPlaced']); // the old build finds v1 already there
    // The old build's generated type had no giftMessage: it writes v1 records.
    v1Bytes = v1Serde.encode('OrderPlaced', v1Record as OrderPlaced);
    v2Bytes = v2Serde.encode('OrderPlaced', v2Record);
    topic = await createTopic(kafka);
    const producer = await connectedProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: orderId, value: v1Bytes },
        { key: orderId, value: v2Bytes },
      ],
    });
  });

  it('registers v1 and v2 as two versions of one subject, with two schema ids', () => {
    expect(v1Bytes.readUInt32BE(1)).not.toBe(v2Bytes.readUInt32BE(1));
  });

  it('lets a consumer built on v1 read a v2 record: the new field is dropped, the rest intact', async () => {
    const [, written] = await readRecords(kafka, topic, 2);

    const decoded = await v1Serde.decode(written!.value);

    expect(decoded.schemaId).toBe(v2Bytes.readUInt32BE(1));
    expect(decoded.value).toEqual({ ...v1Record });
    expect(decoded.value).not.toHaveProperty('giftMessage');
  });

  it('lets the current build read a v1 record, with the default for the field v1 lacks', async () => {
    const [written] = await readRecords(kafka, topic, 1);

    const decoded = await v2Serde.decode(written!.value);

    expect(decoded.value).toEqual({ ...v1Record, giftMessage: null });
  });

  it("decodes both records with Apache Avro's Java reader through the registry, with either reader schema", async () => {
    const read = (reader: number) =>
      readWithJavaAvro({ ...stackEndpoints(), topic, key: orderId, reader: version(reader) });

    const [asV1, asV2] = await Promise.all([read(1), read(2)]);

    const ids = [v1Bytes.readUInt32BE(1), v2Bytes.readUInt32BE(1)];
    expect(asV1.map((record) => record.schemaId)).toEqual(ids);
    expect(asV2.map((record) => record.schemaId)).toEqual(ids);
    expect(asV1[1]!.writerFields).toContain('giftMessage');
    expect(asV1[0]!.writerFields).not.toContain('giftMessage');
    // Reader v1: neither record shows the field. Reader v2: the v1 record takes the default.
    for (const record of asV1) {
      expect(record.value).toMatchObject({ orderId, customerId: 'c-1', paymentToken: 'tok_visa' });
      expect(record.value).not.toHaveProperty('giftMessage');
    }
    expect(asV2.map((record) => record.value.giftMessage)).toEqual([null, 'Happy birthday!']);
    // One position only (the v2 record at offset 1), as the workshop reads a long-lived stack.
    const atOne = await readWithJavaAvro({
      ...stackEndpoints(),
      topic,
      at: { partition: 0, offset: 1 },
      reader: version(1),
    });
    expect(atOne.map((record) => record.offset)).toEqual([1]);
    expect(asV2[1]!.value).toMatchObject({
      envelope: { eventId: v2Record.envelope.eventId, occurredAt: v2Record.envelope.occurredAt },
      items: [{ sku: 'SKU-001', quantity: 1 }],
      shippingAddress: v2Record.shippingAddress,
    });
  });

  it('has the registry refuse a v3 with a field without a default: HTTP 409, typed, not retriable', async () => {
    const v2 = version(2).schema as { fields: object[] };
    const v3 = { ...v2, fields: [...v2.fields, { name: 'loyaltyTier', type: 'string' }] };

    const attempt = registry.register(subjectFor('order.events', 'saga.order.OrderPlaced'), v3 as never);

    await expect(attempt).rejects.toBeInstanceOf(SchemaIncompatibleError);
    await expect(attempt).rejects.toMatchObject({
      retriable: false,
      registry: { status: 409, message: expect.any(String) },
    });
  });
});
