// The envelope every record carries: a unique id to deduplicate on, when it happened, the order (or
// other aggregate) it belongs to, the record that caused it, and who produced it.
import { randomUUID } from 'node:crypto';
import type { Envelope } from './generated/events';

export type { Envelope };

export interface Cause {
  /** The order id, or the id of what a non-order record is about. */
  correlationId: string;
  /** The eventId of the record (or the id of the request) that caused this one. */
  causationId: string;
}

export function newEnvelope(producer: string, cause: Cause, now: Date = new Date()): Envelope {
  return {
    eventId: randomUUID(),
    occurredAt: now.getTime(),
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    producer,
  };
}

/** The cause to stamp on records emitted in reaction to `envelope`. */
export function causedBy(envelope: Envelope): Cause {
  return { correlationId: envelope.correlationId, causationId: envelope.eventId };
}
