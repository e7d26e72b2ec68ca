// The order's lifecycle as pure decisions: state + what happened -> the facts to append to its stream
// (the state after them is their fold, domain/fold.ts). The order service is the saga's single
// authority on the outcome: once an order is terminal, later events cannot change it; every failure
// path ends in one OrderCancelled that the others compensate on.
import type { Body, CancellationReason, PlaceOrder } from '@saga/shared';
import { evolve } from './fold';
import type { AcceptedEvent, Order, OrderEvent, OwnEvent } from './order-events';

export type Decision = { kind: 'append'; events: OrderEvent[] } | { kind: 'ignored'; why: string };

const ignored = (why: string): Decision => ({ kind: 'ignored', why });

export function place(existing: Order | undefined, command: PlaceOrder): Decision {
  if (existing) return ignored('order already placed'); // a re-sent command is not a second order
  const { envelope: _, ...details } = command;
  return { kind: 'append', events: [{ type: 'OrderPlaced', body: details }] };
}

export function cancel(order: Order | undefined, reason: CancellationReason): Decision {
  if (!order) return ignored('unknown order');
  if (order.status !== 'PENDING') return ignored(`order is already ${order.status}`);
  return { kind: 'append', events: [{ type: 'OrderCancelled', body: { orderId: order.orderId, reason } }] };
}

/** Inventory priced the order; the total is what OrderConfirmed will report. */
export function priced(order: Order | undefined, reserved: Body<'StockReserved'>): Decision {
  if (!order) return ignored('unknown order');
  return acceptAndMaybeConfirm(order, { type: 'StockReserved', body: reserved });
}

/**
 * The shipment is booked: the last step. Kafka orders nothing across topics, so the booking can be
 * handled before the price (StockReserved); then the order waits for it instead of confirming with
 * a made-up total.
 */
export function confirm(order: Order | undefined, scheduled: Body<'ShipmentScheduled'>): Decision {
  if (!order) return ignored('unknown order');
  if (order.status !== 'PENDING') return ignored(`order is already ${order.status}`);
  return acceptAndMaybeConfirm(order, { type: 'ShipmentScheduled', body: scheduled });
}

/** Records the accepted fact, and confirms if with it a PENDING order is both priced and shipped. */
function acceptAndMaybeConfirm(order: Order, accepted: AcceptedEvent): Decision {
  const after = evolve(order, { event: accepted, recordedAt: order.updatedAt });
  const { orderId, status, shipped, totalCents, currency } = after;
  const confirmation: OwnEvent[] =
    status === 'PENDING' && shipped && totalCents !== null && currency !== null
      ? [{ type: 'OrderConfirmed', body: { orderId, totalCents, currency } }]
      : [];
  return { kind: 'append', events: [accepted, ...confirmation] };
}
