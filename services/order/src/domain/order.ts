// The order's lifecycle as pure decisions: state + what happened -> new state + events to emit.
// The order service is the saga's single authority on the outcome: once an order is terminal, later
// events cannot change it; every failure path ends in one OrderCancelled that the others compensate on.
import type { Body, CancellationReason, OrderLine, PlaceOrder } from '@saga/shared';

export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED';

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
  /** When a still-PENDING order times out. */
  deadlineAt: number;
}

export type Emission =
  | { type: 'OrderPlaced'; body: Body<'OrderPlaced'> }
  | { type: 'OrderConfirmed'; body: Body<'OrderConfirmed'> }
  | { type: 'OrderCancelled'; body: Body<'OrderCancelled'> };

export type Decision = { kind: 'changed'; order: Order; emit: Emission[] } | { kind: 'ignored'; why: string };

const ignored = (why: string): Decision => ({ kind: 'ignored', why });

export function place(existing: Order | undefined, command: PlaceOrder, now: number, timeoutMs: number): Decision {
  if (existing) return ignored('order already placed'); // a re-sent command is not a second order
  const { envelope: _, ...details } = command;
  const order: Order = {
    orderId: command.orderId,
    customerId: command.customerId,
    items: command.items,
    status: 'PENDING',
    cancellationReason: null,
    totalCents: null,
    currency: null,
    shipped: false,
    createdAt: now,
    updatedAt: now,
    deadlineAt: now + timeoutMs,
  };
  return { kind: 'changed', order, emit: [{ type: 'OrderPlaced', body: details }] };
}

export function cancel(order: Order | undefined, reason: CancellationReason, now: number): Decision {
  if (!order) return ignored('unknown order');
  if (order.status !== 'PENDING') return ignored(`order is already ${order.status}`);
  return {
    kind: 'changed',
    order: { ...order, status: 'CANCELLED', cancellationReason: reason, updatedAt: now },
    emit: [{ type: 'OrderCancelled', body: { orderId: order.orderId, reason } }],
  };
}

/** Inventory priced the order; the total is what OrderConfirmed will report. */
export function priced(order: Order | undefined, totalCents: number, currency: string, now: number): Decision {
  if (!order) return ignored('unknown order');
  const withTotal = { ...order, totalCents, currency, updatedAt: now };
  if (withTotal.status === 'PENDING' && withTotal.shipped) return confirmed(withTotal, totalCents, currency);
  return { kind: 'changed', order: withTotal, emit: [] };
}

/**
 * The shipment is booked: the last step. Kafka orders nothing across topics, so the booking can be
 * handled before the price (StockReserved); then the order waits for it instead of confirming with
 * a made-up total.
 */
export function confirm(order: Order | undefined, now: number): Decision {
  if (!order) return ignored('unknown order');
  if (order.status !== 'PENDING') return ignored(`order is already ${order.status}`);
  const shipped = { ...order, shipped: true, updatedAt: now };
  const { totalCents, currency } = shipped;
  if (totalCents === null || currency === null) return { kind: 'changed', order: shipped, emit: [] };
  return confirmed(shipped, totalCents, currency);
}

function confirmed(order: Order, totalCents: number, currency: string): Decision {
  return {
    kind: 'changed',
    order: { ...order, status: 'CONFIRMED' },
    emit: [{ type: 'OrderConfirmed', body: { orderId: order.orderId, totalCents, currency } }],
  };
}
