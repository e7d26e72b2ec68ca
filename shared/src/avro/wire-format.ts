// Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body.
import { DecodeError } from '../errors';

const MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

export function frame(schemaId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
}

export function unframe(buffer: Buffer | null | undefined): { schemaId: number; body: Buffer } {
  if (!buffer || buffer.length < HEADER_LENGTH) {
    throw new DecodeError(`record value is ${buffer ? `${buffer.length} bytes` : 'empty'}: not Confluent-framed Avro`);
  }
  if (buffer.readUInt8(0) !== MAGIC_BYTE) {
    throw new DecodeError(`record value starts with byte ${buffer.readUInt8(0)}, expected magic byte 0`);
  }
  return { schemaId: buffer.readUInt32BE(1), body: buffer.subarray(HEADER_LENGTH) };
}
