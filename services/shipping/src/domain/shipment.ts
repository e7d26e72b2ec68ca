// A shipment as pure decisions. Booking waits for both the address (OrderPlaced) and the payment
// (PaymentCompleted), which arrive on two topics in either order; OrderCancelled stops a booking not
// yet made and cancels one that was. The lifecycle of the booking (intent, call, lookup in doubt,
// undo) is the shared ProviderCallLifecycle; this file declares what is the shipment's own.
import { ProviderCallLifecycle, type Body, type OrderLine, type OrderPlaced, type ShippingAddress } from '@saga/shared';

/** The lifecycle's phases in the shipment's words. */
export const ShipmentStatuses = {
  idle: 'NONE',
  /** A booking was sent and its answer is not recorded yet, so it may have happened. */
  calling: 'BOOKING',
  done: 'SCHEDULED',
  refused: 'FAILED',
  /** The order was cancelled, and nothing booked for it remains: booked and cancelled, or never booked. */
  undone: 'CANCELLED',
  cancelled: 'CANCELLED',
} as const;

export type ShipmentStatus = (typeof ShipmentStatuses)[keyof typeof ShipmentStatuses];

export interface Shipment {
  orderId: string;
  address: ShippingAddress | null;
  items: OrderLine[] | null;
  /** OrderPlaced v2's note for the recipient, passed to the carrier; null when none (or a v1 OrderPlaced). */
  giftMessage: string | null;
  paid: boolean;
  status: ShipmentStatus;
  /** The order was cancelled: a booking still in doubt is settled and then cancelled, silently. */
  orderCancelled: boolean;
  shipmentId: string | null;
  updatedAt: number;
}

export type Emission =
  | { type: 'ShipmentScheduled'; body: Body<'ShipmentScheduled'> }
  | { type: 'ShipmentFailed'; body: Body<'ShipmentFailed'> }
  | { type: 'ShipmentCancelled'; body: Body<'ShipmentCancelled'> };

export interface BookingRequest {
  idempotencyKey: string;
  address: ShippingAddress;
  items: OrderLine[];
  giftMessage: string | null;
}

export type BookingOutcome =
  | { kind: 'booked'; shipmentId: string; carrier: string; trackingNumber: string }
  | { kind: 'refused'; reason: string };

/** The shipment's call in the lifecycle's terms: a booking, undone by cancelling the shipment. */
export interface Booking {
  state: Shipment;
  request: BookingRequest;
  outcome: BookingOutcome;
  /** The carrier's shipment id. */
  undo: string;
  event: Emission;
}

export const shipmentLifecycle = new ProviderCallLifecycle<Booking>({
  name: 'shipment',
  statuses: ShipmentStatuses,
  blank: { address: null, items: null, giftMessage: null, paid: false, shipmentId: null },
  // Booked once the address is known and the order is paid, keyed by the order at the carrier.
  request: ({ orderId, address, items, giftMessage, paid }) =>
    address !== null && items !== null && paid ? { idempotencyKey: orderId, address, items, giftMessage } : undefined,
  answered: (shipment, _request, outcome) => {
    const { orderId } = shipment;
    if (outcome.kind === 'refused') {
      return {
        phase: 'refused',
        state: shipment,
        event: { type: 'ShipmentFailed', body: { orderId, reason: outcome.reason } },
      };
    }
    const { shipmentId, carrier, trackingNumber } = outcome;
    return {
      phase: 'done',
      state: { ...shipment, shipmentId },
      event: { type: 'ShipmentScheduled', body: { orderId, shipmentId, carrier, trackingNumber } },
    };
  },
  undo: ({ orderId, shipmentId }) =>
    shipmentId !== null
      ? { request: shipmentId, event: { type: 'ShipmentCancelled', body: { orderId, shipmentId } } }
      : undefined,
});

/** OrderPlaced: where to and what. The first value recorded wins, so a booking is re-sent unchanged. */
export function addressKnown(
  shipment: Shipment | undefined,
  event: Pick<OrderPlaced, 'orderId' | 'shippingAddress' | 'items' | 'giftMessage'>,
  now: number,
): Shipment {
  const current = shipmentLifecycle.current(shipment, event.orderId, now);
  return {
    ...current,
    address: current.address ?? event.shippingAddress,
    items: current.items ?? event.items,
    // Taken with the address, never on its own: a later OrderPlaced must not change a booking being re-sent.
    giftMessage: current.address === null ? event.giftMessage : current.giftMessage,
    updatedAt: now,
  };
}

/** PaymentCompleted: the order may ship. */
export function paid(shipment: Shipment | undefined, orderId: string, now: number): Shipment {
  return { ...shipmentLifecycle.current(shipment, orderId, now), paid: true, updatedAt: now };
}
