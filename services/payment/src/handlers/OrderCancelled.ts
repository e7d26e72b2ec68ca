// Compensation: refund a charge (settling one still in doubt first); an order not yet charged never will be.
import type { ServiceHandler } from '@saga/shared';
import { paymentLifecycle } from '../domain/payment';
import { drivePayment, type PaymentDeps } from './drive-payment';

export const onOrderCancelled =
  (deps: PaymentDeps): ServiceHandler<'OrderCancelled'> =>
  async (event, context) =>
    drivePayment(
      paymentLifecycle.orderCancelled(await deps.store.get(event.orderId), event.orderId, Date.now()),
      deps,
      context,
    );
