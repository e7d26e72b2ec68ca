// The amount: charges at once if OrderPlaced already brought the card token (and the order is not cancelled).
import type { ServiceHandler } from '@saga/shared';
import { amountKnown } from '../domain/payment';
import { drivePayment, type PaymentDeps } from './drive-payment';

export const onStockReserved =
  (deps: PaymentDeps): ServiceHandler<'StockReserved'> =>
  async (event, context) =>
    drivePayment(amountKnown(await deps.store.get(event.orderId), event, Date.now()), deps, context);
