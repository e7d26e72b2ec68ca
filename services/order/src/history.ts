// An order's history as the event store answers it: each fact of its stream with the state after it,
// and the state at any earlier version (the fold of the stream up to that version).
import { evolve } from './domain/fold';
import type { Order, RecordedEvent } from './domain/order-events';
import type { OrderStream } from './store';

export interface HistoryEntry {
  version: number;
  eventId: string;
  type: string;
  recordedAt: number;
  /** The topic the relay published it to; null for facts accepted from other services or imported. */
  topic: string | null;
  /** The fact's fields (the record without its envelope). */
  event: object;
  state: Order;
}

export interface OrderHistory {
  orderId: string;
  /** The version this history runs to: the latest, or the one asked for. */
  version: number;
  latestVersion: number;
  state: Order;
  events: HistoryEntry[];
}

/** The history up to `upTo` (default: all of it); undefined for a stream without that version. */
export function historyOf(stream: OrderStream, upTo: number = stream.version): OrderHistory | undefined {
  if (upTo < 1 || upTo > stream.version) return undefined;
  let state: Order | undefined;
  const events = stream.events
    .filter((recorded) => recorded.version <= upTo)
    .map((recorded: RecordedEvent): HistoryEntry => {
      state = evolve(state, recorded);
      const { version, eventId, recordedAt, topic, event } = recorded;
      return { version, eventId, type: event.type, recordedAt, topic, event: event.body, state };
    });
  return { orderId: stream.orderId, version: upTo, latestVersion: stream.version, state: state!, events };
}
