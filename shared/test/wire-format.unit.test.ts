import { DecodeError, frame } from '@saga/shared';
import { unframe } from '../src/avro/wire-format';

describe('Confluent wire format', () => {
  it('frames a body behind magic byte 0 and a big-endian schema id', () => {
    const framed = frame(258, Buffer.from([7, 8]));

    expect([...framed]).toEqual([0, 0, 0, 1, 2, 7, 8]);
    expect(unframe(framed)).toEqual({ schemaId: 258, body: Buffer.from([7, 8]) });
  });

  it.each([
    ['a null value (tombstone)', null],
    ['fewer than five bytes', Buffer.from([0, 0, 1])],
    ['a wrong magic byte', Buffer.from([1, 0, 0, 0, 1, 2])],
    ['JSON text', Buffer.from('{"orderId":"1"}')],
  ])('rejects %s with a non-retriable DecodeError', (_, value) => {
    expect(() => unframe(value)).toThrow(DecodeError);
  });
});
