// The customer's cancel wins only while the order is PENDING; the others compensate on OrderCancelled.
import type { ServiceHandler } from '@saga/shared';
import { cancel } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './commit-decision';

export const onCancelOrder =
  (store: OrderStore): ServiceHandler<'CancelOrder'> =>
  async (event, context) =>
    applyDecision(
      cancel(await store.get(event.orderId), 'CANCELLED_BY_CUSTOMER', Date.now()),
      store,
      context,
      context.log,
    );
