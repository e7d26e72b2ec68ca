// customer-cancel: the customer's CancelOrder races the saga while the payment provider is slow; whatever
// was done by then (a reservation, maybe a charge) is undone.
import { eventually } from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { stockBack } from '../stock-back';
import { showTimeline } from '../timeline';

export const customerCancel: Scenario = {
  name: 'customer-cancel',
  summary: 'the customer cancels while the payment provider is slow; every step is undone',
  concept: 'a command racing the saga; compensation of whatever was done so far',
  async run(context) {
    const { narrator, gateway, providers } = context;
    await gateway.restockAndWait('SKU-004', 1);
    const before = await gateway.stock('SKU-004');
    await narrator.step(
      'Slow the payment provider down to 3 s',
      'PUT /admin/faults {"latencyMs":3000} on the fake provider.',
    );
    await providers.setFaults('payment', { latencyMs: 3_000 });
    try {
      await narrator.step(
        'Place an order and cancel it at once',
        'POST /orders/{id}/cancel: a CancelOrder command to the order service.',
      );
      const orderId = await placeOrder(gateway, 'SKU-004', 1);
      await gateway.cancel(orderId);
      const order = await gateway.terminal(orderId);
      narrator.claim('the order is CANCELLED_BY_CUSTOMER', order.cancellationReason === 'CANCELLED_BY_CUSTOMER');
      await showTimeline(context, orderId, ['OrderCancelled', 'StockReleased']);
      const settled = await eventually(async () => {
        const charges = await providers.charges(orderId);
        return charges.every((charge) => charge.refunded || charge.status !== 'succeeded') ? charges : undefined;
      }, 20_000);
      narrator.claim(`no charge stands (${settled.length} made, all refunded)`, true);
      await stockBack(context, before);
    } finally {
      await providers.resetFaults('payment');
    }
  },
};
