// Remember the priced total, reported by OrderConfirmed.
import type { ServiceHandler } from '@saga/shared';
import { priced } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './commit-decision';

export const onStockReserved =
  (store: OrderStore): ServiceHandler<'StockReserved'> =>
  async (event, context) =>
    applyDecision(
      priced(await store.get(event.orderId), event.totalCents, event.currency, Date.now()),
      store,
      context,
      context.log,
    );
