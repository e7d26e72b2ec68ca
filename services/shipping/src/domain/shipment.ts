// A shipment's lifecycle as pure decisions. Booking waits for both the address (OrderPlaced) and the
// payment (PaymentCompleted), which arrive on two topics in either order; OrderCancelled stops a booking
// not yet made and cancels one that was. Calls to the carrier are steps the handler performs and reports back.
import type { Body, OrderLine, OrderPlaced, ShippingAddress } from '@saga/shared';

export type ShipmentStatus = 'NONE' | 'BOOKING' | 'SCHEDULED' | 'FAILED' | 'CANCELLED';

export interface Shipment {
  orderId: string;
  address: ShippingAddress | null;
  items: OrderLine[] | null;
  /** OrderPlaced v2's note for the recipient, passed to the carrier; null when none (or a v1 OrderPlaced). */
  giftMessage: string | null;
  paid: boolean;
  /**
   * BOOKING: a booking was sent and its answer is not recorded yet, so it may have happened.
   * CANCELLED: the order was cancelled, and nothing booked for it remains.
   */
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

/** The carrier call the shipment needs next; `shipment` is the state to hold while it is made. */
export type BookStep = { kind: 'book'; shipment: Shipment; request: BookingRequest };
/** A booking in doubt (BOOKING on disk, no answer recorded): look up what the carrier did under its key. */
export type SettleStep = { kind: 'settle'; shipment: Shipment; request: BookingRequest };
export type CancelStep = { kind: 'cancel'; shipment: Shipment; shipmentId: string };
export type Step = BookStep | SettleStep | CancelStep | { kind: 'rest' };

export interface Transition {
  shipment: Shipment;
  emit: Emission[];
}

function blank(orderId: string, now: number): Shipment {
  return {
    orderId,
    address: null,
    items: null,
    giftMessage: null,
    paid: false,
    status: 'NONE',
    orderCancelled: false,
    shipmentId: null,
    updatedAt: now,
  };
}

/** OrderPlaced: where to and what. The first value recorded wins, so a booking is re-sent unchanged. */
export function addressKnown(
  shipment: Shipment | undefined,
  event: Pick<OrderPlaced, 'orderId' | 'shippingAddress' | 'items' | 'giftMessage'>,
  now: number,
): Shipment {
  const current = shipment ?? blank(event.orderId, now);
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
  return { ...(shipment ?? blank(orderId, now)), paid: true, updatedAt: now };
}

/** OrderCancelled: nothing booked yet means nothing ever will be; a booking is cancelled by the next step. */
export function orderCancelled(shipment: Shipment | undefined, orderId: string, now: number): Shipment {
  const current = shipment ?? blank(orderId, now);
  const status = current.status === 'NONE' ? 'CANCELLED' : current.status;
  return { ...current, status, orderCancelled: true, updatedAt: now };
}

export function nextStep(shipment: Shipment): Step {
  const { orderId, status, address, items, giftMessage, shipmentId } = shipment;
  if (address !== null && items !== null) {
    const request = { idempotencyKey: orderId, address, items, giftMessage };
    // Never book again to find out: a booking that never reached the carrier must not be made for an
    // order cancelled meanwhile.
    if (status === 'BOOKING') return { kind: 'settle', shipment, request };
    if (status === 'NONE' && shipment.paid) {
      return { kind: 'book', shipment: { ...shipment, status: 'BOOKING' }, request };
    }
  }
  if (status === 'SCHEDULED' && shipment.orderCancelled && shipmentId !== null) {
    return { kind: 'cancel', shipment, shipmentId };
  }
  return { kind: 'rest' };
}

export function afterBooking({ shipment }: BookStep | SettleStep, outcome: BookingOutcome, now: number): Transition {
  const { orderId } = shipment;
  // Settled only after the order was cancelled: the saga is over, so report nothing; a cancel follows.
  const report = (emission: Emission): Emission[] => (shipment.orderCancelled ? [] : [emission]);
  if (outcome.kind === 'refused') {
    return {
      shipment: { ...shipment, status: 'FAILED', updatedAt: now },
      emit: report({ type: 'ShipmentFailed', body: { orderId, reason: outcome.reason } }),
    };
  }
  const { shipmentId, carrier, trackingNumber } = outcome;
  return {
    shipment: { ...shipment, status: 'SCHEDULED', shipmentId, updatedAt: now },
    emit: report({ type: 'ShipmentScheduled', body: { orderId, shipmentId, carrier, trackingNumber } }),
  };
}

/**
 * What the lookup found: the booking's outcome, as if its answer had arrived; or no booking, so the call
 * never took effect: an order still going on is booked afresh, a cancelled one never will be.
 */
export function afterLookup(step: SettleStep, found: BookingOutcome | undefined, now: number): Transition {
  if (found) return afterBooking(step, found, now);
  const status = step.shipment.orderCancelled ? 'CANCELLED' : 'NONE';
  return { shipment: { ...step.shipment, status, updatedAt: now }, emit: [] };
}

export function afterCancellation({ shipment, shipmentId }: CancelStep, now: number): Transition {
  return {
    shipment: { ...shipment, status: 'CANCELLED', updatedAt: now },
    emit: [{ type: 'ShipmentCancelled', body: { orderId: shipment.orderId, shipmentId } }],
  };
}
