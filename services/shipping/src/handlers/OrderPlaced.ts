// The address and items: books at once if PaymentCompleted already came.
import type { ServiceHandler } from '@saga/shared';
import { addressKnown } from '../domain/shipment';
import { driveShipment, type ShippingDeps } from './drive-shipment';

export const onOrderPlaced =
  (deps: ShippingDeps): ServiceHandler<'OrderPlaced'> =>
  async (event, context) =>
    driveShipment(addressKnown(await deps.store.get(event.orderId), event, Date.now()), deps, context);
