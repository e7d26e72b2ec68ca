// The fake carrier's books: shipments booked, refused or cancelled. Kept in memory because it is a fake; a
// restart forgets everything. A replayed idempotency key gets the original booking back, never a second one.
import { idempotencyKeyReused, notFound, ProviderError, ProviderErrorCodes } from './errors';
import { newId, trackingNumber } from './ids';
import { UNDELIVERABLE_POSTAL_CODE } from './triggers';

export const CARRIER_NAME = 'FakeEx';

export interface Address {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface ShipmentItem {
  sku: string;
  quantity: number;
}

export interface ShipmentRequest {
  idempotencyKey: string;
  address: Address;
  items: ShipmentItem[];
  /** Printed on the parcel; optional. */
  giftMessage?: string;
}

export interface Shipment extends ShipmentRequest {
  shipmentId: string;
  carrier: typeof CARRIER_NAME;
  /** Fixed at booking; cancelling is recorded beside it, so a replayed booking answers as the first time. */
  outcome: 'booked' | 'refused';
  trackingNumber?: string;
  reason?: 'undeliverable_address';
  cancelled: boolean;
  createdAt: string;
}

export class ShipmentBook {
  private readonly shipments = new Map<string, Shipment>();
  private readonly byKey = new Map<string, { shipment: Shipment; fingerprint: string }>();

  /** The shipment this key already booked (or was refused), or a new one. Handlers run to completion, so no race. */
  book(request: ShipmentRequest): Shipment {
    const fingerprint = JSON.stringify([request.address, request.items, request.giftMessage ?? null]);
    const earlier = this.byKey.get(request.idempotencyKey);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw idempotencyKeyReused(request.idempotencyKey);
      return earlier.shipment;
    }
    const refused = request.address.postalCode === UNDELIVERABLE_POSTAL_CODE;
    const shipment: Shipment = {
      ...request,
      shipmentId: newId('shp'),
      carrier: CARRIER_NAME,
      outcome: refused ? 'refused' : 'booked',
      ...(refused ? { reason: 'undeliverable_address' as const } : { trackingNumber: trackingNumber() }),
      cancelled: false,
      createdAt: new Date().toISOString(),
    };
    this.shipments.set(shipment.shipmentId, shipment);
    this.byKey.set(request.idempotencyKey, { shipment, fingerprint });
    return shipment;
  }

  /** Cancelling twice is cancelling once. */
  cancel(shipmentId: string): Shipment {
    const shipment = this.find(shipmentId);
    if (!shipment) throw notFound(`no shipment ${shipmentId}`);
    if (shipment.outcome !== 'booked') {
      throw new ProviderError(409, ProviderErrorCodes.SHIPMENT_NOT_CANCELLABLE, `shipment ${shipmentId} was refused`);
    }
    shipment.cancelled = true;
    return shipment;
  }

  find(shipmentId: string): Shipment | undefined {
    return this.shipments.get(shipmentId);
  }

  /** Every shipment, or those booked under one key (at most one, which is what tests assert). */
  list(idempotencyKey?: string): Shipment[] {
    const all = [...this.shipments.values()];
    return idempotencyKey === undefined ? all : all.filter((shipment) => shipment.idempotencyKey === idempotencyKey);
  }
}
