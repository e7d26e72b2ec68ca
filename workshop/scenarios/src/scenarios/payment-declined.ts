// payment-declined: the card is declined after the stock was reserved, so the saga undoes that step:
// inventory releases the stock on OrderCancelled.
import { OrderKinds } from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { stockBack } from '../stock-back';
import { showTimeline } from '../timeline';

export const paymentDeclined: Scenario = {
  name: 'payment-declined',
  summary: 'the card is declined: the reserved stock is released (compensation)',
  concept: 'compensation: undo a completed step',
  async run(context) {
    const { narrator, gateway } = context;
    await gateway.restockAndWait('SKU-002', 1);
    const before = await gateway.stock('SKU-002');
    await narrator.step('Pay with a card that is always declined', `token ${OrderKinds.declined.token}`);
    const orderId = await placeOrder(gateway, 'SKU-002', 1, { kind: 'declined' });
    const order = await gateway.terminal(orderId);
    narrator.claim('the order is CANCELLED as PAYMENT_DECLINED', order.cancellationReason === 'PAYMENT_DECLINED');
    await narrator.step(
      'The compensation',
      'The stock was reserved before the charge failed; OrderCancelled makes inventory release it (↩).',
    );
    await showTimeline(context, orderId, ['PaymentFailed', 'OrderCancelled', 'StockReleased']);
    await stockBack(context, before);
  },
};
