// The carrier refused: cancel; payment refunds and inventory releases on OrderCancelled.
import type { ServiceHandler } from '@saga/shared';
import { cancel } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onShipmentFailed =
  (store: OrderStore): ServiceHandler<'ShipmentFailed'> =>
  async (event, context) =>
    applyDecision(store, event.orderId, (order) => cancel(order, 'SHIPPING_FAILED'), context, context.log);
