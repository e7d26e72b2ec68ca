// The card token: charges at once if StockReserved already brought the amount.
import type { ServiceHandler } from '@saga/shared';
import { tokenKnown } from '../domain/payment';
import { drivePayment, type PaymentDeps } from './drive-payment';

export const onOrderPlaced =
  (deps: PaymentDeps): ServiceHandler<'OrderPlaced'> =>
  async (event, context) =>
    drivePayment(tokenKnown(await deps.store.get(event.orderId), event, Date.now()), deps, context);
