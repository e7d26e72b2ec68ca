// Nothing was reserved: cancel with inventory's reason (OUT_OF_STOCK or UNKNOWN_SKU).
import type { ServiceHandler } from '@saga/shared';
import { cancel } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onStockReservationFailed =
  (store: OrderStore): ServiceHandler<'StockReservationFailed'> =>
  async (event, context) =>
    applyDecision(store, event.orderId, (order) => cancel(order, event.reason), context, context.log);
