// The records the order service's store tests deliver: each in an envelope correlated by its order id.
import { newEnvelope, type EventMap, type EventType } from '@saga/shared';

export function record<T extends EventType>(type: T, body: Omit<EventMap[T], 'envelope'>): EventMap[T] {
  const { orderId } = body as unknown as { orderId: string };
  return { envelope: newEnvelope('test', { correlationId: orderId, causationId: type }), ...body } as EventMap[T];
}

export const placeOrder = (orderId: string) =>
  record('PlaceOrder', {
    orderId,
    customerId: 'c-1',
    items: [{ sku: 'SKU-001', quantity: 1 }],
    paymentToken: 'tok_visa',
    giftMessage: null,
    shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  });

export const stockReserved = (orderId: string) =>
  record('StockReserved', {
    orderId,
    lines: [{ sku: 'SKU-001', quantity: 1, unitPriceCents: 1_999 }],
    totalCents: 1_999,
    currency: 'EUR',
  });

export const shipmentScheduled = (orderId: string) =>
  record('ShipmentScheduled', { orderId, shipmentId: 's-1', carrier: 'fake', trackingNumber: 't-1' });

export const cancelOrder = (orderId: string) => record('CancelOrder', { orderId });
