// The JSON the API answers with, from the read model's state: money as decimal major units
// (cents / 100, e.g. 19.99; every currency here has two decimals), instants as ISO-8601 strings.
import type { OrderState, TimelineEntry } from '../projection/orders';
import type { ProductState } from '../projection/stock';

const amount = (cents: number): number => cents / 100;
const instant = (epochMs: number): string => new Date(epochMs).toISOString();

export function orderJson(order: OrderState & { customerId: string }) {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    status: order.status,
    ...(order.cancellationReason !== null && { cancellationReason: order.cancellationReason }),
    items: order.items.map(({ sku, quantity }) => {
      const unitPriceCents = order.unitPriceCents[sku];
      return { sku, quantity, ...(unitPriceCents !== undefined && { unitPrice: amount(unitPriceCents) }) };
    }),
    ...(order.totalCents !== null && { totalAmount: amount(order.totalCents) }),
    ...(order.currency !== null && { currency: order.currency }),
    createdAt: instant(order.createdAt ?? order.updatedAt),
    updatedAt: instant(order.updatedAt),
  };
}

export function timelineJson(entry: TimelineEntry) {
  const { eventId, type, topic, partition, offset, producer, occurredAt, causationId, payload } = entry;
  return { eventId, type, topic, partition, offset, producer, occurredAt: instant(occurredAt), causationId, payload };
}

export function productJson({ sku, name, unitPriceCents, available, reserved }: ProductState) {
  return { sku, name, unitPrice: amount(unitPriceCents), available, reserved };
}
