// The JSON the API answers with: a zod schema per representation, which the OpenAPI document is
// generated from, and the function that builds it from the read model, typed by that schema so the
// two cannot drift. Money is decimal major units (cents / 100, e.g. 19.99; every currency here has
// two decimals), instants are ISO-8601 strings.
import { z } from 'zod';
import { Applications, redactSecrets, type CancellationReason } from '@saga/shared';
import type { OrderEventType, OrderState, TimelineEntry } from '../projection/orders';
import type { ProductState } from '../projection/stock';

const amount = (cents: number): number => cents / 100;
const instant = (epochMs: number): string => new Date(epochMs).toISOString();

const money = z.number().meta({ description: 'Decimal amount in major units of `currency`', example: 19.99 });
const currency = z.string().meta({ description: 'ISO 4217 code', example: 'EUR' });
const timestamp = z.iso.datetime().meta({ example: '2025-01-01T12:00:00.000Z' });

/** What a timeline can hold: every record the projection reads that is keyed by an order. */
const ORDER_RECORD_TYPES = Applications.gateway.consumes.filter(
  (type): type is OrderEventType => type !== 'StockLevelChanged',
);

// A Record over the union makes the compiler insist on every reason the Avro enum has, and no other.
const reasons: Record<CancellationReason, string> = {
  OUT_OF_STOCK: 'a line was out of stock; nothing was reserved',
  UNKNOWN_SKU: 'a line names a sku the inventory does not know',
  PAYMENT_DECLINED: 'the payment provider declined the charge; the stock was released',
  SHIPPING_FAILED: 'the carrier refused the shipment; the payment was refunded and the stock released',
  CANCELLED_BY_CUSTOMER: 'cancelled through POST /orders/{id}/cancel while PENDING',
  TIMED_OUT: 'not CONFIRMED or CANCELLED within the order timeout (ORDER_TIMEOUT_MS)',
};
const reasonList = Object.entries(reasons).map(([reason, why]) => `\`${reason}\`: ${why}`);

export const orderView = z
  .object({
    orderId: z.uuid(),
    customerId: z.string(),
    status: z.enum(['PENDING', 'CONFIRMED', 'CANCELLED']).meta({
      description: 'PENDING until the saga decides; CONFIRMED and CANCELLED are final',
    }),
    cancellationReason: z
      .enum(Object.keys(reasons) as [CancellationReason, ...CancellationReason[]])
      .optional()
      .meta({ description: `Only when CANCELLED. ${reasonList.join('; ')}.` }),
    items: z.array(
      z.object({
        sku: z.string(),
        quantity: z.int().positive(),
        unitPrice: money.optional().meta({ description: 'Once the stock was reserved (StockReserved)' }),
      }),
    ),
    totalAmount: money.optional().meta({ description: 'Once the stock was reserved' }),
    currency: currency.optional(),
    giftMessage: z.string().optional().meta({ description: 'The note for the recipient, when the order has one' }),
    createdAt: timestamp,
    updatedAt: timestamp,
    traceId: z
      .string()
      .regex(/^[0-9a-f]{32}$/)
      .optional()
      .meta({
        description:
          "The order's trace in the trace viewer (Zipkin: `/zipkin/traces/{traceId}`), one trace from POST /orders " +
          'to the last step, taken from the `traceparent` header of its records; absent until one was read, ' +
          'and for orders placed before tracing',
        example: '4bf92f3577b34da6a3ce929d0e0e4736',
      }),
  })
  .meta({ id: 'Order', description: 'An order as the read model knows it (eventually consistent).' });

export const timelineEntryView = z
  .object({
    eventId: z.uuid(),
    type: z.enum(ORDER_RECORD_TYPES).meta({ description: 'The record type (see the AsyncAPI document)' }),
    topic: z.string(),
    partition: z.int().nonnegative(),
    offset: z.int().nonnegative(),
    producer: z.string(),
    occurredAt: timestamp,
    causationId: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The record without its envelope; a payment token shows as `[redacted]`' }),
  })
  .meta({ id: 'TimelineEntry', description: 'One command or event of an order, where it was read.' });

export const productView = z
  .object({
    sku: z.string(),
    name: z.string(),
    unitPrice: money,
    currency,
    available: z.int().nonnegative(),
    reserved: z.int().nonnegative(),
  })
  .meta({ id: 'Product', description: 'The latest stock level of a product (from inventory.stock).' });

// What a 202 answers: the command was published; the outcome is read later from GET /orders/{id}.
export const orderAcceptedView = z
  .object({ orderId: z.uuid(), status: z.literal('PENDING') })
  .meta({ id: 'OrderAccepted', description: 'PlaceOrder was published; the order is PENDING.' });

export const cancellationAcceptedView = z
  .object({ orderId: z.uuid(), status: z.literal('CANCELLATION_REQUESTED') })
  .meta({ id: 'CancellationAccepted', description: 'CancelOrder was published; the order service decides.' });

export const restockAcceptedView = z
  .object({ sku: z.string(), quantity: z.int().positive(), status: z.literal('RESTOCK_REQUESTED') })
  .meta({ id: 'RestockAccepted', description: 'RestockProduct was published; levels follow on inventory.stock.' });

export function orderJson(order: OrderState & { customerId: string }): z.infer<typeof orderView> {
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
    ...(order.giftMessage != null && { giftMessage: order.giftMessage }),
    createdAt: instant(order.createdAt ?? order.updatedAt),
    updatedAt: instant(order.updatedAt),
    ...(order.traceId != null && { traceId: order.traceId }),
  };
}

export function timelineJson(entry: TimelineEntry): z.infer<typeof timelineEntryView> {
  const { eventId, type, topic, partition, offset, producer, occurredAt, causationId, payload: read } = entry;
  // The read model keeps the record as it was read; the API never shows its payment token.
  const payload = redactSecrets(read);
  return { eventId, type, topic, partition, offset, producer, occurredAt: instant(occurredAt), causationId, payload };
}

export function productJson(product: ProductState): z.infer<typeof productView> {
  const { sku, name, unitPriceCents, currency, available, reserved } = product;
  return { sku, name, unitPrice: amount(unitPriceCents), currency, available, reserved };
}
