// shipping-failed: the carrier refuses the address after the stock was reserved and the card charged,
// so two earlier steps are undone: payment refunds the charge, inventory releases the stock.
import { OrderKinds, eventually } from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { stockBack } from '../stock-back';
import { showTimeline } from '../timeline';

export const shippingFailed: Scenario = {
  name: 'shipping-failed',
  summary: 'the carrier refuses: the payment is refunded and the stock released',
  concept: 'compensation of two earlier steps',
  async run(context) {
    const { narrator, gateway, providers } = context;
    await gateway.restockAndWait('SKU-003', 1);
    const before = await gateway.stock('SKU-003');
    await narrator.step('Ship to an address the carrier refuses', `postal code ${OrderKinds.unshippable.postalCode}`);
    const orderId = await placeOrder(gateway, 'SKU-003', 1, { kind: 'unshippable' });
    const order = await gateway.terminal(orderId);
    narrator.claim('the order is CANCELLED as SHIPPING_FAILED', order.cancellationReason === 'SHIPPING_FAILED');
    await narrator.step(
      'Two compensations',
      'Payment refunds the charge and inventory releases the stock, each on OrderCancelled.',
    );
    await showTimeline(context, orderId, ['ShipmentFailed', 'PaymentRefunded', 'StockReleased']);
    const charges = await eventually(async () => {
      const all = await providers.charges(orderId);
      return all[0]?.refunded ? all : undefined;
    }, 15_000);
    narrator.claim('the one charge was refunded', charges.length === 1);
    await stockBack(context, before);
  },
};
