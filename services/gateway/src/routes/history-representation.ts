// The JSON of GET /orders/{id}/history: each event of the order's stream with the order's state after
// it, in the API's units (decimal amounts, ISO-8601 instants), built from the order service's answer.
import { z } from 'zod';
import { redactSecrets } from '@saga/shared';
import type { UpstreamHistory, UpstreamState } from '../order-history';

const instant = (epochMs: number): string => new Date(epochMs).toISOString();
const timestamp = z.iso.datetime().meta({ example: '2025-01-01T12:00:00.000Z' });

export const orderStateView = z
  .object({
    status: z.enum(['PENDING', 'CONFIRMED', 'CANCELLED']),
    cancellationReason: z.string().optional(),
    customerId: z.string(),
    items: z.array(z.object({ sku: z.string(), quantity: z.int().positive() })),
    totalAmount: z.number().optional().meta({ description: 'Once priced (StockReserved)', example: 19.99 }),
    currency: z.string().optional(),
    shipped: z.boolean().meta({ description: 'The carrier booked it (ShipmentScheduled)' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'OrderStateAtVersion', description: 'The order as the order service folded it from its stream.' });

export const historyEntryView = z
  .object({
    version: z.int().positive().meta({ description: "The event's position in the order's stream: 1, 2, 3 …" }),
    eventId: z.string().meta({ description: 'The same eventId the record carries on its topic' }),
    type: z.string().meta({ description: 'OrderPlaced, StockReserved, ShipmentScheduled, OrderConfirmed …' }),
    recordedAt: timestamp,
    publishedTo: z
      .string()
      .optional()
      .meta({
        description:
          "Where the relay published it (the order's own events, from this very row); absent for events " +
          'accepted from other services (already on their topics) and for an order imported by the upgrade',
      }),
    event: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The event without its envelope; a payment token shows as `[redacted]`' }),
    state: orderStateView,
  })
  .meta({ id: 'OrderHistoryEntry', description: 'One event of the stream and the state after it.' });

export const orderHistoryView = z
  .object({
    orderId: z.string(),
    version: z.int().positive().meta({ description: 'The version the history runs to' }),
    latestVersion: z.int().positive(),
    state: orderStateView.meta({ description: 'The state at `version`' }),
    events: z.array(historyEntryView),
  })
  .meta({ id: 'OrderHistory', description: "An order's event stream (the order service's event store)." });

function stateJson(state: UpstreamState): z.infer<typeof orderStateView> {
  return {
    status: state.status,
    ...(state.cancellationReason !== null && { cancellationReason: state.cancellationReason }),
    customerId: state.customerId,
    items: state.items.map(({ sku, quantity }) => ({ sku, quantity })),
    ...(state.totalCents !== null && { totalAmount: state.totalCents / 100 }),
    ...(state.currency !== null && { currency: state.currency }),
    shipped: state.shipped,
    createdAt: instant(state.createdAt),
    updatedAt: instant(state.updatedAt),
  };
}

export function historyJson(history: UpstreamHistory): z.infer<typeof orderHistoryView> {
  return {
    orderId: history.orderId,
    version: history.version,
    latestVersion: history.latestVersion,
    state: stateJson(history.state),
    events: history.events.map((entry) => ({
      version: entry.version,
      eventId: entry.eventId,
      type: entry.type,
      recordedAt: instant(entry.recordedAt),
      ...(entry.topic !== null && { publishedTo: entry.topic }),
      // The order service's event store keeps OrderPlaced whole; the API never shows its payment token.
      event: redactSecrets(entry.event),
      state: stateJson(entry.state),
    })),
  };
}
