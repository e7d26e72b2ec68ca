// The facts an order's stream holds, the only input its state is folded from. Three kinds: the order
// service's own events (published: the relay sends them to order.events from the stream itself), the
// other services' events it accepted (already on their topics, recorded under their own eventId so the
// stream holds every fact the state depends on), and one import fact per order that the state-based
// version of this service had stored before the event store existed (a snapshot of that row).
import type { Body, CancellationReason, OrderLine } from '@saga/shared';

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

/** The state folded from an order's stream. */
export interface Order {
  orderId: string;
  customerId: string;
  items: OrderLine[];
  status: OrderStatus;
  cancellationReason: CancellationReason | null;
  totalCents: number | null;
  currency: string | null;
  /** The carrier booked it. It is confirmed once priced, which can come later: topics are not ordered. */
  shipped: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Events this service emits: appended to the stream and published from it. */
export const OWN_EVENT_TYPES = ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled'] as const;
export type OwnEventType = (typeof OWN_EVENT_TYPES)[number];
export type OwnEvent = { [T in OwnEventType]: { type: T; body: Body<T> } }[OwnEventType];

/** Other services' events that change the order without an event of its own (yet). */
export type AcceptedEventType = 'StockReserved' | 'ShipmentScheduled';
export type AcceptedEvent = { [T in AcceptedEventType]: { type: T; body: Body<T> } }[AcceptedEventType];

/** An order the state-based version stored, carried over as it was (migration 3 of store.ts). */
export interface OrderImported {
  type: 'OrderImported';
  body: Omit<Order, 'updatedAt'>;
}

export type OrderEvent = OwnEvent | AcceptedEvent | OrderImported;

export const isOwnEvent = (event: OrderEvent): event is OwnEvent =>
  (OWN_EVENT_TYPES as readonly string[]).includes(event.type);

/** One row of the stream, as the store returns it. */
export interface RecordedEvent {
  /** 1, 2, 3 … per order: the position in its stream. */
  version: number;
  /** The envelope's eventId: the same id the record carries on its topic. */
  eventId: string;
  recordedAt: number;
  /** Where the relay published it; null for accepted and imported facts. */
  topic: string | null;
  event: OrderEvent;
}
