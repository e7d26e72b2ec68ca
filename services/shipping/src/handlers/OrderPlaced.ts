// The address and items: books at once if PaymentCompleted already came.
import type { ServiceHandler } from '@saga/shared';
import { addressKnown } from '../domain/shipment';
import { applyChange, type ShippingDeps } from './apply';

export const onOrderPlaced =
  (deps: ShippingDeps): ServiceHandler<'OrderPlaced'> =>
  async (event, context) =>
    applyChange(addressKnown(await deps.store.get(event.orderId), event, Date.now()), deps, context);
