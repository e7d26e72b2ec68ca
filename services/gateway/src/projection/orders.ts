// What the gateway knows about one order, as pure functions of the events read so far. Replay reads
// six topics at once, so an order's records arrive in any cross-topic order (StockReserved may come
// before OrderPlaced): every function merges a fact in, whatever arrived before it.
import type { CancellationReason, EventMap, EventType, OrderLine, PlaceOrder } from '@saga/shared';

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

/** Every record keyed by an order id: the saga's commands and events. */
export type OrderEventType = Exclude<EventType, 'RestockProduct' | 'StockLevelChanged'>;
export type OrderRecord = { [T in OrderEventType]: { type: T; event: EventMap[T] } }[OrderEventType];

/** Where a record was read. */
export interface LogPosition {
  topic: string;
  partition: number;
  offset: number;
}

export interface TimelineEntry extends LogPosition {
  eventId: string;
  type: OrderEventType;
  producer: string;
  occurredAt: number;
  causationId: string;
  /** The record without its envelope. */
  payload: Record<string, unknown>;
}

export interface OrderState {
  orderId: string;
  /** Null until the placement (PlaceOrder, OrderPlaced or this gateway's own request) was seen. */
  customerId: string | null;
  items: OrderLine[];
  /** From the placement; v1 placements carry none. Absent in states stored before it existed. */
  giftMessage?: string | null;
  status: OrderStatus;
  cancellationReason: CancellationReason | null;
  /** Minor units by sku, from StockReserved. */
  unitPriceCents: Record<string, number>;
  totalCents: number | null;
  currency: string | null;
  createdAt: number | null;
  updatedAt: number;
  /**
   * The order's trace (32 hex digits), from the `traceparent` header of the first of its records that
   * had a valid one; null until then, absent in states stored before it existed.
   */
  traceId?: string | null;
  timeline: TimelineEntry[];
}

export const emptyOrder = (orderId: string, at: number): OrderState => ({
  orderId,
  customerId: null,
  items: [],
  status: 'PENDING',
  cancellationReason: null,
  unitPriceCents: {},
  totalCents: null,
  currency: null,
  createdAt: null,
  updatedAt: at,
  traceId: null,
  timeline: [],
});

/** Kafka orders records only within a partition; across topics the timeline is ordered by occurredAt. */
export function timelineOrder(a: TimelineEntry, b: TimelineEntry): number {
  return (
    a.occurredAt - b.occurredAt ||
    (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
    a.partition - b.partition ||
    a.offset - b.offset
  );
}

function placed(order: OrderState, placement: PlaceOrder | EventMap['OrderPlaced']): OrderState {
  const at = placement.envelope.occurredAt;
  if (order.customerId !== null) return { ...order, createdAt: Math.min(order.createdAt ?? at, at) };
  const { customerId, items, giftMessage } = placement;
  return { ...order, customerId, items, giftMessage, createdAt: at };
}

/** The state change one record makes. Terminal statuses are final: nothing moves an order back. */
function evolve(order: OrderState, record: OrderRecord): OrderState {
  switch (record.type) {
    case 'PlaceOrder':
    case 'OrderPlaced':
      return placed(order, record.event);
    case 'StockReserved': {
      const { lines, totalCents, currency } = record.event;
      const unitPriceCents = Object.fromEntries(lines.map((line) => [line.sku, line.unitPriceCents]));
      return { ...order, unitPriceCents, totalCents, currency };
    }
    case 'OrderConfirmed':
      if (order.status !== 'PENDING') return order;
      return {
        ...order,
        status: 'CONFIRMED',
        totalCents: order.totalCents ?? record.event.totalCents,
        currency: order.currency ?? record.event.currency,
      };
    case 'OrderCancelled':
      if (order.status !== 'PENDING') return order;
      return { ...order, status: 'CANCELLED', cancellationReason: record.event.reason };
    default:
      return order; // payment, shipping and compensation facts only add to the timeline
  }
}

/**
 * Applies a consumed record once: a redelivered eventId changes nothing. `traceId` is the record's own
 * (traceparent.ts); every record of an order is in the order's one trace, so the first one known is kept.
 */
export function applyOrderRecord(
  order: OrderState | undefined,
  record: OrderRecord,
  at: LogPosition,
  traceId?: string,
): OrderState {
  const { envelope, ...payload } = record.event;
  const current = order ?? emptyOrder(record.event.orderId, envelope.occurredAt);
  if (current.timeline.some((entry) => entry.eventId === envelope.eventId)) return current;
  const entry: TimelineEntry = {
    eventId: envelope.eventId,
    type: record.type,
    ...at,
    producer: envelope.producer,
    occurredAt: envelope.occurredAt,
    causationId: envelope.causationId,
    payload,
  };
  const next = evolve(current, record);
  return {
    ...next,
    updatedAt: Math.max(next.updatedAt, envelope.occurredAt),
    traceId: current.traceId ?? traceId ?? null,
    timeline: [...current.timeline, entry].sort(timelineOrder),
  };
}

/**
 * The gateway published `command` itself: the order is readable as PENDING at once, before its
 * PlaceOrder comes back through the projection (which then adds it to the timeline, with its offset).
 */
export function acceptOrder(order: OrderState | undefined, command: PlaceOrder): OrderState {
  const current = order ?? emptyOrder(command.orderId, command.envelope.occurredAt);
  const next = placed(current, command);
  return { ...next, updatedAt: Math.max(next.updatedAt, command.envelope.occurredAt) };
}

export const isPlaced = (order: OrderState | undefined): order is OrderState & { customerId: string } =>
  order?.customerId != null;
