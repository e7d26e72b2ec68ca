import {
  DecodeError,
  REDACTED,
  RegistryUnavailableError,
  readingOf,
  type AvroSerde,
  type DeadLetter,
  type DecodedEvent,
} from '@saga/shared';

const TOKEN = 'tok_visa_do_not_show';
const bytes = Buffer.from('the original Avro bytes, token and all');
const letter = (): DeadLetter => ({
  offset: '7',
  key: 'o-1',
  headers: { 'dlt.error.type': 'SAGA_BUSINESS_RULE' },
  value: bytes,
});

/** A serde whose decode answers `answer` (or throws it): the registry is not what is tested here. */
const serde = (answer: unknown): Pick<AvroSerde, 'decode'> => ({
  decode: async () => {
    if (answer instanceof Error) throw answer;
    return answer as DecodedEvent;
  },
});

describe('reading a dead letter', () => {
  it('When its value decodes to an OrderPlaced, Then the reading shows the marker instead of the token', async () => {
    const decoded = { type: 'OrderPlaced', schemaId: 1, value: { orderId: 'o-1', paymentToken: TOKEN } };

    const reading = await readingOf(letter(), serde(decoded));

    expect(reading).toEqual({
      offset: '7',
      key: 'o-1',
      headers: { 'dlt.error.type': 'SAGA_BUSINESS_RULE' },
      type: 'OrderPlaced',
      value: { orderId: 'o-1', paymentToken: REDACTED },
    });
    expect(JSON.stringify(reading)).not.toContain(TOKEN);
  });

  it('When it was read, Then the dead letter still holds its original bytes for a replay', async () => {
    const original = letter();
    const decoded = { type: 'OrderPlaced', schemaId: 1, value: { orderId: 'o-1', paymentToken: TOKEN } };

    await readingOf(original, serde(decoded));

    expect(original.value).toBe(bytes);
    expect(decoded.value.paymentToken).toBe(TOKEN);
  });

  it('When its value does not decode, Then the reading says why and holds no bytes', async () => {
    const reading = await readingOf(letter(), serde(new DecodeError('record with schema id 9 is not valid Avro')));

    expect(reading).toEqual(expect.objectContaining({ undecodable: 'record with schema id 9 is not valid Avro' }));
    expect(reading).not.toHaveProperty('value');
  });

  it('When the registry does not answer, Then the reading fails instead of calling the value undecodable', async () => {
    await expect(readingOf(letter(), serde(new RegistryUnavailableError('down')))).rejects.toThrow('down');
  });
});
