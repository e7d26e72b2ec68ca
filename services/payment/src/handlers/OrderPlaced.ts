// The card token: charges at once if StockReserved already brought the amount.
import type { ServiceHandler } from '@saga/shared';
import { tokenKnown } from '../domain/payment';
import { applyChange, type PaymentDeps } from './apply';

export const onOrderPlaced =
  (deps: PaymentDeps): ServiceHandler<'OrderPlaced'> =>
  async (event, context) =>
    applyChange(tokenKnown(await deps.store.get(event.orderId), event, Date.now()), deps, context);
