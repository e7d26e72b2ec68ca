// Schema evolution against the running system: OrderPlaced and PlaceOrder v1 and v2 side by side under
// FULL_TRANSITIVE. The v2 field (giftMessage) travels end to end; a build made before v2 reads v2
// records; today's build reads a v1 command an old gateway writes; Apache Avro's Java reader decodes
// both; an incompatible v3 is refused by the local gate and by the registry (409).
import { randomUUID } from 'node:crypto';
import { orderRequest } from '@saga/client';
import {
  AvroSerde,
  EventPublisher,
  RegistryClient,
  SCHEMAS_DIR,
  SchemaIncompatibleError,
  Topics,
  loadCatalog,
  newEnvelope,
  redactSecrets,
  subjectFor,
  type PlaceOrder,
} from '@saga/shared';
import { javaAvroReaderInstalled, readWithJavaAvro } from '../java-avro-reader';
import { WORKSHOP_CUSTOMER, placeOrder } from '../place-orders';
import { RegistryView } from '../registry-view';
import type { Scenario, ScenarioContext } from '../scenario';
import { showTimeline } from '../timeline';
import { incompatibleV3, localGateProblems } from '../v3-proposal';

const GIFT = 'Happy birthday, Ada!';
const current = loadCatalog();
/** The schemas a build made before v2 existed loaded: what a consumer not yet upgraded reads with. */
const oldBuild = loadCatalog(SCHEMAS_DIR, { maxVersion: 1 });
const orderPlacedSubject = subjectFor(Topics.orderEvents, 'saga.order.OrderPlaced');
const version = (name: string, n: number) =>
  current.versions.find((entry) => entry.name === name && entry.version === n)!;

async function sideBySide({ narrator, config }: ScenarioContext, registry: RegistryView) {
  await narrator.step(
    'Two versions of OrderPlaced, side by side',
    'shared/schemas/order.events/OrderPlaced.v1.avsc and .v2.avsc; v2 adds one field with a default:',
    '{ "name": "giftMessage", "type": ["null", "string"], "default": null }',
    'The services register every version at start, oldest first; the registry keeps them under one subject.',
  );
  const versions = await registry.versions(orderPlacedSubject);
  const rule = await registry.compatibility(orderPlacedSubject);
  narrator.say(`GET ${config.registryUrl}/subjects/${orderPlacedSubject}/versions → ${JSON.stringify(versions)}`);
  narrator.claim(
    `the registry holds v1 and v2 of ${orderPlacedSubject}`,
    versions.includes(1) && versions.includes(2),
    JSON.stringify(versions),
  );
  narrator.claim(
    `its rule is FULL_TRANSITIVE (old and new readers read every version)`,
    rule === 'FULL_TRANSITIVE',
    rule,
  );
  return { v2Id: await registry.idOf(orderPlacedSubject, 2) };
}

async function newFieldEndToEnd(context: ScenarioContext, v2Id: number): Promise<string> {
  const { narrator, gateway, providers, kafka } = context;
  await narrator.step(
    'Place an order with the new field',
    `POST /orders with "giftMessage": "${GIFT}": the gateway writes PlaceOrder v2, the order service`,
    'OrderPlaced v2, and shipping hands the message to the carrier.',
  );
  await gateway.restockAndWait('SKU-001', 1);
  const orderId = await placeOrder(gateway, 'SKU-001', 1, { giftMessage: GIFT });
  const order = await gateway.terminal(orderId);
  narrator.claim('the order is CONFIRMED', order.status === 'CONFIRMED', order.status);
  narrator.claim('GET /orders/{id} shows the gift message', order.giftMessage === GIFT, String(order.giftMessage));
  const [shipment] = await providers.shipments(orderId);
  narrator.claim('the carrier recorded it with the shipment', shipment?.giftMessage === GIFT);

  await narrator.step(
    'The v2 record on order.events',
    'Each record starts with a magic byte 0 and the 4-byte id of its writer schema in the registry.',
  );
  const timeline = await showTimeline(context, orderId, ['OrderPlaced']);
  const placed = timeline.find((entry) => entry.type === 'OrderPlaced')!;
  const [record] = await kafka.readAt([placed]);
  const schemaId = record!.message.value!.readUInt32BE(1);
  narrator.say(`${placed.topic}[${placed.partition}]@${placed.offset}: schema id ${schemaId}`);
  narrator.claim(`OrderPlaced was written with schema id ${v2Id}, version 2`, schemaId === v2Id, String(schemaId));

  await narrator.step(
    'A consumer built before v2 reads it',
    'An Avro serde over the v1 schemas only (an old build): Avro resolves the v2 writer schema to its',
    'v1 reader schema and skips the field it does not know.',
  );
  const old = new AvroSerde(new RegistryClient(context.config.registryUrl), oldBuild);
  const decoded = await old.decode(record!.message.value);
  const value = decoded.type === 'OrderPlaced' ? decoded.value : undefined;
  narrator.show(JSON.stringify({ type: decoded.type, orderId: value?.orderId, fields: Object.keys(value ?? {}) }));
  narrator.claim(
    'the v1 reader decoded it, without giftMessage',
    value?.orderId === orderId && !('giftMessage' in value),
  );
  return orderId;
}

/** An old gateway, still on v1, places an order: the upgraded services read its v1 PlaceOrder. */
async function oldWriter(context: ScenarioContext): Promise<string> {
  const { narrator, gateway, kafka, config } = context;
  await narrator.step(
    'An old gateway writes a v1 command',
    'The old build registers and writes PlaceOrder v1, with no giftMessage, straight to order.commands.',
    "Today's order service and gateway read it with their v2 reader schema: the field takes its default.",
  );
  const old = new AvroSerde(new RegistryClient(config.registryUrl), oldBuild);
  await old.registerWriters(['PlaceOrder']);
  const publisher = new EventPublisher(kafka.kafka, old);
  const orderId = randomUUID();
  // The command the old gateway makes of a normal order's request: the same body, v1's fields.
  const request = orderRequest([{ sku: 'SKU-001', quantity: 1 }], { customerId: WORKSHOP_CUSTOMER });
  const command = {
    envelope: newEnvelope('gateway-v1', { correlationId: orderId, causationId: 'workshop' }),
    orderId,
    customerId: request.customerId,
    items: request.items,
    paymentToken: request.paymentMethod.token,
    shippingAddress: request.shippingAddress,
  };
  await gateway.restockAndWait('SKU-001', 1);
  await publisher.connect();
  try {
    await publisher.publish([{ type: 'PlaceOrder', key: orderId, value: command as PlaceOrder }]);
  } finally {
    await publisher.disconnect();
  }
  const order = await gateway.terminal(orderId);
  narrator.claim('the v1 order went through the v2 saga: CONFIRMED', order.status === 'CONFIRMED', order.status);
  narrator.claim('it has no gift message (the default, null)', order.giftMessage === undefined);
  return orderId;
}

async function javaReader(context: ScenarioContext, v2OrderId: string, v1OrderId: string) {
  const { narrator, config, gateway } = context;
  await narrator.step(
    "Apache Avro's own reader agrees",
    'infra/avro-reader/AvroReader.java: the Java Avro library, the writer schema fetched from the registry by',
    'the id in each record, resolved to a reader .avsc from this repository (GenericDatumReader(writer, reader)).',
  );
  if (!javaAvroReaderInstalled()) {
    narrator.say('Skipped: its jars are fetched by `make fetch` (Maven Central) and need `java` on the PATH.');
    return;
  }
  const endpoints = { brokers: config.kafkaBrokers, registryUrl: config.registryUrl };
  // Exactly where the gateway's timeline says each record is: no need to read the whole topic.
  const where = async (orderId: string, type: string) => {
    const entry = (await gateway.timelineWith(orderId, [type])).find((candidate) => candidate.type === type)!;
    return { topic: entry.topic, key: orderId, at: { partition: entry.partition, offset: entry.offset } };
  };
  const [v2AsV1, v1AsV2] = await Promise.all([
    readWithJavaAvro({ ...endpoints, ...(await where(v2OrderId, 'OrderPlaced')), reader: version('OrderPlaced', 1) }),
    readWithJavaAvro({ ...endpoints, ...(await where(v1OrderId, 'PlaceOrder')), reader: version('PlaceOrder', 2) }),
  ]);
  const [newRecord] = v2AsV1;
  const [oldRecord] = v1AsV2;
  // Shown to the room: the payment token as the marker (the claims below read the records themselves).
  narrator.show(JSON.stringify(redactSecrets(newRecord?.value)));
  narrator.claim(
    'reader OrderPlaced.v1 decodes the v2 record, without giftMessage',
    newRecord !== undefined && newRecord.writerFields.includes('giftMessage') && !('giftMessage' in newRecord.value),
  );
  narrator.show(JSON.stringify(redactSecrets(oldRecord?.value)));
  narrator.claim(
    'reader PlaceOrder.v2 decodes the v1 record, giftMessage null (the default)',
    oldRecord !== undefined && !oldRecord.writerFields.includes('giftMessage') && oldRecord.value.giftMessage === null,
  );
}

async function incompatibleChange({ narrator, config }: ScenarioContext, registry: RegistryView) {
  await narrator.step(
    'An incompatible v3: a new field without a default',
    '{ "name": "loyaltyTier", "type": "string" }: a v3 reader would have nothing to fill it with in v1 data.',
    'First the local gate, `make schemas-check`, on the schemas folder with that v3 added:',
  );
  const problems = localGateProblems();
  narrator.show(problems.join('\n'));
  narrator.claim(
    'the local gate refuses it, naming the field and the rule',
    problems.length > 0 && problems.every((line) => line.includes('`loyaltyTier`') && line.includes('FULL_TRANSITIVE')),
  );
  await narrator.step('Then the registry, should it get that far', `POST /subjects/${orderPlacedSubject}/versions`);
  const before = await registry.versions(orderPlacedSubject);
  const refusal = await new RegistryClient(config.registryUrl)
    .register(orderPlacedSubject, incompatibleV3())
    .then(() => undefined)
    .catch((error: unknown) => error);
  if (refusal instanceof SchemaIncompatibleError) narrator.say(refusal.message);
  narrator.claim(
    'the registry refuses it with HTTP 409 (a typed, non-retriable SchemaIncompatibleError)',
    refusal instanceof SchemaIncompatibleError && refusal.registry?.status === 409 && !refusal.retriable,
    String(refusal),
  );
  const after = await registry.versions(orderPlacedSubject);
  narrator.claim('the subject still has the same versions', JSON.stringify(after) === JSON.stringify(before));
}

export const schemaEvolution: Scenario = {
  name: 'schema-evolution',
  summary: 'OrderPlaced v1 and v2 side by side: old readers read new records, new readers old ones; v3 refused',
  concept: 'schema evolution under FULL_TRANSITIVE compatibility',
  async run(context) {
    const registry = new RegistryView(context.config);
    const { v2Id } = await sideBySide(context, registry);
    const v2OrderId = await newFieldEndToEnd(context, v2Id);
    const v1OrderId = await oldWriter(context);
    await javaReader(context, v2OrderId, v1OrderId);
    await incompatibleChange(context, registry);
  },
};
