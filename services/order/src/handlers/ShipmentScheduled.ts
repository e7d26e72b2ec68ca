// The last step succeeded: confirm, unless the order was cancelled meanwhile (then shipping cancels).
import type { ServiceHandler } from '@saga/shared';
import { confirm } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onShipmentScheduled =
  (store: OrderStore): ServiceHandler<'ShipmentScheduled'> =>
  async ({ envelope: _, ...scheduled }, context) =>
    applyDecision(store, scheduled.orderId, (order) => confirm(order, scheduled), context, context.log);
