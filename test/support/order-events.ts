// The events of one order as the payment and shipping handler tests receive them: each in an envelope
// from the service that produces it, correlated by the order id.
import { newEnvelope, type Body, type EventMap, type EventType } from '@saga/shared';

/** `body` as it arrives from `producer`. */
export function received<T extends EventType>(producer: string, body: Body<T> & { orderId: string }): EventMap[T] {
  const cause = { correlationId: body.orderId, causationId: 'test' };
  return { envelope: newEnvelope(producer, cause), ...body } as EventMap[T];
}

export const address = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };

export const orderPlaced = (orderId: string, changes: Partial<Body<'OrderPlaced'>> = {}): EventMap['OrderPlaced'] =>
  received<'OrderPlaced'>('order-service', {
    orderId,
    customerId: 'c-1',
    items: [{ sku: 'SKU-001', quantity: 2 }],
    paymentToken: 'tok_visa',
    shippingAddress: address,
    giftMessage: null,
    ...changes,
  });

export const orderCancelled = (
  orderId: string,
  reason: Body<'OrderCancelled'>['reason'] = 'TIMED_OUT',
): EventMap['OrderCancelled'] => received<'OrderCancelled'>('order-service', { orderId, reason });

export const orderConfirmed = (orderId: string): EventMap['OrderConfirmed'] =>
  received<'OrderConfirmed'>('order-service', { orderId, totalCents: 100, currency: 'EUR' });
