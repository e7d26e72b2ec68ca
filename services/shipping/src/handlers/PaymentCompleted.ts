// The order is paid: books at once if OrderPlaced already brought the address (and the order is not cancelled).
import type { ServiceHandler } from '@saga/shared';
import { paid } from '../domain/shipment';
import { driveShipment, type ShippingDeps } from './drive-shipment';

export const onPaymentCompleted =
  (deps: ShippingDeps): ServiceHandler<'PaymentCompleted'> =>
  async (event, context) =>
    driveShipment(paid(await deps.store.get(event.orderId), event.orderId, Date.now()), deps, context);
