// The customer's cancel wins only while the order is PENDING; the others compensate on OrderCancelled.
import type { ServiceHandler } from '@saga/shared';
import { cancel } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onCancelOrder =
  (store: OrderStore): ServiceHandler<'CancelOrder'> =>
  async (event, context) =>
    applyDecision(store, event.orderId, (order) => cancel(order, 'CANCELLED_BY_CUSTOMER'), context, context.log);
