// An order's state is a left fold of its stream: evolve applies one recorded fact to the state before
// it. Pure and total over the stream's facts, so the state at any earlier version is the fold of the
// stream up to it, and the store keeps no state that could disagree with the events.
import { InvariantError } from '@saga/shared';
import type { Order, RecordedEvent } from './order-events';

export function evolve(
  order: Order | undefined,
  { event, recordedAt }: Pick<RecordedEvent, 'event' | 'recordedAt'>,
): Order {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, items } = event.body;
    return {
      orderId,
      customerId,
      items,
      status: 'PENDING',
      cancellationReason: null,
      totalCents: null,
      currency: null,
      shipped: false,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    };
  }
  if (event.type === 'OrderImported') return { ...event.body, updatedAt: recordedAt };
  // Every other fact is about an order already placed: the decisions never append one without it.
  if (!order) throw new InvariantError(`${event.type} recorded for an order that was never placed`);
  const at = { ...order, updatedAt: recordedAt };
  switch (event.type) {
    case 'StockReserved':
      return { ...at, totalCents: event.body.totalCents, currency: event.body.currency };
    case 'ShipmentScheduled':
      return { ...at, shipped: true };
    case 'OrderConfirmed':
      return { ...at, status: 'CONFIRMED' };
    case 'OrderCancelled':
      return { ...at, status: 'CANCELLED', cancellationReason: event.body.reason };
  }
}

/** The state after the whole stream (undefined for an empty one: never placed). */
export const fold = (events: readonly Pick<RecordedEvent, 'event' | 'recordedAt'>[]): Order | undefined =>
  events.reduce<Order | undefined>(evolve, undefined);
