// out-of-stock: an order for more than there is; the saga fails at its first step, so there is nothing
// to compensate: no stock moves, no card is charged.
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { stockBack } from '../stock-back';
import { showTimeline } from '../timeline';

export const outOfStock: Scenario = {
  name: 'out-of-stock',
  summary: 'more than the stock: the inventory refuses, nothing is charged or shipped',
  concept: 'a saga that fails at its first step',
  async run(context) {
    const { narrator, gateway, providers } = context;
    const before = await gateway.stock('SKU-005');
    await narrator.step('Order one more than there is', `SKU-005 has ${before.available} available.`);
    const orderId = await placeOrder(gateway, 'SKU-005', before.available + 1);
    const order = await gateway.terminal(orderId);
    narrator.claim('the order is CANCELLED as OUT_OF_STOCK', order.cancellationReason === 'OUT_OF_STOCK');
    await showTimeline(context, orderId, ['StockReservationFailed', 'OrderCancelled']);
    await stockBack(context, before);
    narrator.claim('nothing was charged', (await providers.charges(orderId)).length === 0);
  },
};
