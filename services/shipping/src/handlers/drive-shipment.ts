// Drives an order's shipment to rest through the shared provider-call runner: a booking is the call,
// findBooking the lookup of a booking in doubt, cancelling the shipment the undo. BOOKING is committed
// before a booking, so whoever handles the order next (a retry, OrderCancelled) settles it by its key.
import { driveProviderCall, type HandlerContext } from '@saga/shared';
import { shipmentLifecycle, type Shipment } from '../domain/shipment';
import type { Carrier } from '../carrier-client';
import type { ShipmentStore } from '../store';

export interface ShippingDeps {
  store: ShipmentStore;
  carrier: Carrier;
}

export function driveShipment(
  changed: Shipment,
  { store, carrier }: ShippingDeps,
  context: Pick<HandlerContext, 'commit' | 'checkpoint' | 'emit' | 'log'>,
): Promise<void> {
  return driveProviderCall(shipmentLifecycle, changed, context, {
    store,
    call: (request) => carrier.book(request),
    lookup: (idempotencyKey) => carrier.findBooking(idempotencyKey),
    // Idempotent at the carrier (a cancelled shipment stays cancelled), so a repeat is harmless.
    undo: (shipmentId) => carrier.cancel(shipmentId),
  });
}
