// Declined payment: cancel; inventory releases the stock on OrderCancelled.
import type { ServiceHandler } from '@saga/shared';
import { cancel } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onPaymentFailed =
  (store: OrderStore): ServiceHandler<'PaymentFailed'> =>
  async (event, context) =>
    applyDecision(store, event.orderId, (order) => cancel(order, 'PAYMENT_DECLINED'), context, context.log);
