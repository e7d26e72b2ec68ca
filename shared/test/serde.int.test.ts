// The Avro serde against the real schema registry: every event type round-trips through Kafka,
// schemas evolve under FULL_TRANSITIVE compatibility, and bad bytes fail with typed errors.
import {
  AvroSerde,
  DecodeError,
  EventCatalog,
  EventPublisher,
  RegistryClient,
  SCHEMAS_DIR,
  SchemaIncompatibleError,
  UnknownSchemaIdError,
  frame,
  loadCatalog,
  subjectFor,
  type EventType,
} from '@saga/shared';
import { onCleanup, readRecords, stackEndpoints, testKafka, testSerde, uniqueName } from '../../test/support/helpers';
import { currentType, fixtureType } from './fixtures';

const catalog = loadCatalog();
const allTypes = Object.keys(EventCatalog) as EventType[];

describe('Avro serde with the schema registry', () => {
  const kafka = testKafka();

  it('round-trips every event and command type through Kafka', async () => {
    const serde = testSerde();
    await serde.registerWriters(allTypes);
    const publisher = new EventPublisher(kafka, serde);
    await publisher.connect();
    onCleanup(() => publisher.disconnect());
    const samples = allTypes.map((type) => ({
      type,
      key: uniqueName(type),
      value: catalog.latest.get(type)!.type.random() as never,
    }));

    await publisher.publish(samples);

    for (const { type, key, value } of samples) {
      const records = await readRecords(kafka, EventCatalog[type].topic, (read) =>
        read.some((r) => r.key?.toString() === key),
      );
      const record = records.find((r) => r.key?.toString() === key)!;
      expect(await serde.decode(record.value)).toEqual({ type, value, schemaId: expect.any(Number) });
      expect(record.headers?.['event-type']?.toString()).toBe(type);
    }
  }, 180_000);

  it('lets a consumer built on v1 read records written with a compatible v2', async () => {
    const registry = new RegistryClient(stackEndpoints().registryUrl);
    const subject = subjectFor(uniqueName('evolution'), 'saga.order.OrderPlaced');
    await registry.register(subject, currentType('OrderPlaced').schema({ exportAttrs: true }));
    const v2 = fixtureType('OrderPlaced.v2-compatible');
    const v2Id = await registry.register(subject, v2.schema({ exportAttrs: true }));
    const written = { ...(currentType('OrderPlaced').random() as object), salesChannel: 'kiosk' };

    const v1Build = new AvroSerde(registry, loadCatalog(SCHEMAS_DIR, { maxVersion: 1 }));

    const decoded = await v1Build.decode(frame(v2Id, v2.toBuffer(written)));

    expect(decoded.type).toBe('OrderPlaced');
    expect(decoded.value).not.toHaveProperty('salesChannel');
    expect(decoded.value).toEqual(
      Object.fromEntries(Object.entries(written).filter(([key]) => key !== 'salesChannel')),
    );
  });

  it('refuses an incompatible schema change with a typed, non-retriable error', async () => {
    const registry = new RegistryClient(stackEndpoints().registryUrl);
    const subject = subjectFor(uniqueName('evolution'), 'saga.order.OrderPlaced');
    await registry.register(subject, currentType('OrderPlaced').schema({ exportAttrs: true }));

    const attempt = registry.register(
      subject,
      fixtureType('OrderPlaced.v2-incompatible').schema({ exportAttrs: true }),
    );

    await expect(attempt).rejects.toBeInstanceOf(SchemaIncompatibleError);
    await expect(attempt).rejects.toMatchObject({
      retriable: false,
      message: expect.stringContaining(subject),
      registry: { status: 409, message: expect.any(String) },
    });
  });

  it('pins FULL_TRANSITIVE on a subject a start left at the default rule, instead of failing every start', async () => {
    const { registryUrl } = stackEndpoints();
    const subject = subjectFor(uniqueName('half-registered'), 'saga.order.OrderPlaced');
    const v1 = currentType('OrderPlaced').schema({ exportAttrs: true });
    // What a start that died between registering the first schema and setting the rule leaves behind.
    const posted = await fetch(`${registryUrl}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(v1) }),
    });
    expect(posted.ok).toBe(true);

    await new RegistryClient(registryUrl).register(subject, v1);

    const config = (await (await fetch(`${registryUrl}/config/${subject}`)).json()) as { compatibilityLevel: string };
    expect(config.compatibilityLevel).toBe('FULL_TRANSITIVE');
  });

  it('rejects bytes that are not Confluent-framed Avro with a non-retriable DecodeError', async () => {
    const serde = testSerde();

    for (const garbage of [Buffer.from('{"not":"avro"}'), Buffer.from([0, 1]), Buffer.alloc(0)]) {
      await expect(serde.decode(garbage)).rejects.toMatchObject({ name: 'DecodeError', retriable: false });
    }
  });

  it('rejects a record whose schema id the registry does not know', async () => {
    const unknownId = 987_654;

    const attempt = testSerde().decode(frame(unknownId, Buffer.from([2, 4, 6])));

    await expect(attempt).rejects.toBeInstanceOf(UnknownSchemaIdError);
    await expect(attempt).rejects.toBeInstanceOf(DecodeError);
  });

  it('rejects a framed record whose body does not match its schema', async () => {
    const serde = testSerde();
    await serde.registerWriters(['OrderConfirmed']);
    const valid = serde.encode('OrderConfirmed', catalog.latest.get('OrderConfirmed')!.type.random() as never);

    await expect(serde.decode(valid.subarray(0, 9))).rejects.toMatchObject({ name: 'DecodeError', retriable: false });
  });
});
