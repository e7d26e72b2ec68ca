// Record the priced total (reported by OrderConfirmed); confirm if the shipment was booked first.
import type { ServiceHandler } from '@saga/shared';
import { priced } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onStockReserved =
  (store: OrderStore): ServiceHandler<'StockReserved'> =>
  async ({ envelope: _, ...reserved }, context) =>
    applyDecision(store, reserved.orderId, (order) => priced(order, reserved), context, context.log);
