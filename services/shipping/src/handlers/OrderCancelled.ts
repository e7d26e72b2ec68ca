// Compensation: cancel a booked shipment (settling one still in doubt first); an order not yet booked never will be.
import type { ServiceHandler } from '@saga/shared';
import { shipmentLifecycle } from '../domain/shipment';
import { driveShipment, type ShippingDeps } from './drive-shipment';

export const onOrderCancelled =
  (deps: ShippingDeps): ServiceHandler<'OrderCancelled'> =>
  async (event, context) =>
    driveShipment(
      shipmentLifecycle.orderCancelled(await deps.store.get(event.orderId), event.orderId, Date.now()),
      deps,
      context,
    );
