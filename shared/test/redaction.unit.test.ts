import { Writable } from 'node:stream';
import type { Schema } from 'avsc';
import { REDACTED, SECRET_FIELDS, createLogger, loadCatalog, redactSecrets } from '@saga/shared';

const TOKEN = 'tok_visa_4242';

const placeOrder = () => ({
  envelope: { eventId: 'e-1', correlationId: 'o-1' },
  orderId: 'o-1',
  items: [{ sku: 'SKU-1', quantity: 1 }],
  paymentToken: TOKEN,
  giftMessage: null,
});

/** Every field name of a schema, nested records and unions included. */
function fieldNames(schema: Schema): string[] {
  if (Array.isArray(schema)) return schema.flatMap(fieldNames);
  if (typeof schema !== 'object' || schema === null) return [];
  const record = schema as { fields?: { name: string; type: Schema }[]; items?: Schema; values?: Schema };
  return [
    ...(record.fields ?? []).flatMap((field) => [field.name, ...fieldNames(field.type)]),
    ...(record.items ? fieldNames(record.items) : []),
    ...(record.values ? fieldNames(record.values) : []),
  ];
}

describe('redactSecrets', () => {
  it('replaces the payment token with the marker at the top, nested and in arrays', () => {
    const record = placeOrder();
    const redacted = redactSecrets({ type: 'PlaceOrder', value: record, batch: [record] });
    expect(redacted.value.paymentToken).toBe(REDACTED);
    expect(redacted.batch[0]?.paymentToken).toBe(REDACTED);
    expect(JSON.stringify(redacted)).not.toContain(TOKEN);
    expect(redacted.value).toMatchObject({ orderId: 'o-1', items: [{ sku: 'SKU-1', quantity: 1 }], giftMessage: null });
  });

  it('leaves its input as it was (a dead letter replays its original record)', () => {
    const record = placeOrder();
    redactSecrets(record);
    expect(record.paymentToken).toBe(TOKEN);
  });

  it('walks decoded Avro records, which are class instances, and leaves bytes alone', () => {
    const type = loadCatalog().latest.get('OrderPlaced')!.type;
    const bytes = Buffer.from([1, 2, 3]);
    const decoded: unknown = type.fromBuffer(
      type.toBuffer({
        envelope: {
          eventId: 'e-1',
          eventVersion: 2,
          occurredAt: 0,
          producer: 'order',
          correlationId: 'o-1',
          causationId: 'c-1',
        },
        orderId: 'o-1',
        customerId: 'c-1',
        items: [],
        paymentToken: TOKEN,
        shippingAddress: { name: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'DE' },
        giftMessage: null,
      }),
    );
    expect(JSON.stringify(redactSecrets({ decoded, bytes }))).not.toContain(TOKEN);
    expect(redactSecrets({ bytes }).bytes).toBe(bytes);
  });
});

describe('the secret field list', () => {
  it('names every field of the schemas that looks like a credential, and each one a schema has', () => {
    const names = new Set(loadCatalog().versions.flatMap((version) => fieldNames(version.schema)));
    const credentialLike = [...names].filter((name) => /token|secret|password|card|cvv|iban/i.test(name));
    expect(credentialLike.sort()).toEqual([...SECRET_FIELDS].sort());
  });
});

describe('log lines', () => {
  it('show the marker where a logged record carries the payment token', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('test', 'info', sink);
    logger.info({ paymentToken: TOKEN }, 'top');
    logger.info({ command: { value: placeOrder() } }, 'nested');
    logger.child({ record: { value: placeOrder() } }).info('in a child binding');
    logger.info({ batch: [{ event: { value: placeOrder() } }] }, 'deep in an array');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain(`"paymentToken":"${REDACTED}"`);
    }
  });
});
