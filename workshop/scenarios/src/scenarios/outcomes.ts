// The saga's outcomes, one scenario each: the happy path, and every failure with its compensation.
import { ConsumerGroups, Topics } from '@saga/shared';
import { eventually, type StockView } from '../saga-client';
import type { Scenario, ScenarioContext } from '../scenario';
import { timelineTable } from '../timeline';

/** Claims that `before`'s stock level is back (the gateway's view follows the stock topic). */
export async function stockBack({ narrator, saga }: ScenarioContext, before: StockView): Promise<void> {
  const after = await eventually(async () => {
    const stock = await saga.stock(before.sku);
    return stock.available === before.available && stock.reserved === before.reserved ? stock : undefined;
  }, 15_000).catch(() => saga.stock(before.sku));
  narrator.claim(
    `${before.sku} is back to ${before.available} available, ${before.reserved} reserved`,
    after.available === before.available && after.reserved === before.reserved,
    `${after.available} available, ${after.reserved} reserved`,
  );
}

export async function showTimeline(
  { narrator, saga }: ScenarioContext,
  orderId: string,
  types: string[],
  timeoutMs = 30_000,
) {
  const timeline = await saga.timelineWith(orderId, types, timeoutMs);
  narrator.show(timelineTable(timeline));
  return timeline;
}

export const happyPath: Scenario = {
  name: 'happy-path',
  summary: 'one order through the whole saga; one event fanned out to three services',
  concept: 'publish/subscribe and a choreographed saga',
  async run(context) {
    const { narrator, saga, kafka } = context;
    await narrator.step('Place an order', 'POST /orders answers 202 at once: the saga runs asynchronously, on Kafka.');
    await saga.restock('SKU-001', 1);
    const orderId = await saga.placeOrder('SKU-001', 1);
    narrator.say(`order ${orderId} accepted`);
    await narrator.step('Watch it complete', 'No service calls another: each reacts to events and publishes its own.');
    const order = await saga.terminal(orderId);
    narrator.claim('the order is CONFIRMED', order.status === 'CONFIRMED', order.status);
    const timeline = await showTimeline(context, orderId, ['OrderConfirmed', 'StockSold']);
    narrator.claim('the card was charged once', (await saga.charges(orderId)).length === 1);
    narrator.claim('one shipment was booked', (await saga.shipments(orderId)).length === 1);
    await narrator.step(
      'One event, three subscribers',
      'OrderPlaced was written once to order.events. Inventory, payment and shipping each read it in their',
      'own consumer group, at their own pace; the log keeps it for all of them (and for a replay later).',
    );
    const placed = timeline.find((entry) => entry.type === 'OrderPlaced')!;
    for (const group of [ConsumerGroups.inventory, ConsumerGroups.payment, ConsumerGroups.shipping]) {
      const offset = await eventually(async () => {
        const committed = (await kafka.committed(group, Topics.orderEvents)).get(placed.partition) ?? -1;
        return committed > placed.offset ? committed : undefined;
      }, 15_000);
      narrator.claim(
        `${group} read OrderPlaced (committed ${placed.topic}[${placed.partition}] up to ${offset})`,
        true,
      );
    }
  },
};

export const outOfStock: Scenario = {
  name: 'out-of-stock',
  summary: 'more than the stock: the inventory refuses, nothing is charged or shipped',
  concept: 'a saga that fails at its first step',
  async run(context) {
    const { narrator, saga } = context;
    const before = await saga.stock('SKU-005');
    await narrator.step('Order one more than there is', `SKU-005 has ${before.available} available.`);
    const orderId = await saga.placeOrder('SKU-005', before.available + 1);
    const order = await saga.terminal(orderId);
    narrator.claim('the order is CANCELLED as OUT_OF_STOCK', order.cancellationReason === 'OUT_OF_STOCK');
    await showTimeline(context, orderId, ['StockReservationFailed', 'OrderCancelled']);
    await stockBack(context, before);
    narrator.claim('nothing was charged', (await saga.charges(orderId)).length === 0);
  },
};

export const paymentDeclined: Scenario = {
  name: 'payment-declined',
  summary: 'the card is declined: the reserved stock is released (compensation)',
  concept: 'compensation: undo a completed step',
  async run(context) {
    const { narrator, saga } = context;
    await saga.restock('SKU-002', 1);
    const before = await saga.stock('SKU-002');
    await narrator.step('Pay with a card that is always declined', 'token tok_chargeDeclined');
    const orderId = await saga.placeOrder('SKU-002', 1, { token: 'tok_chargeDeclined' });
    const order = await saga.terminal(orderId);
    narrator.claim('the order is CANCELLED as PAYMENT_DECLINED', order.cancellationReason === 'PAYMENT_DECLINED');
    await narrator.step(
      'The compensation',
      'The stock was reserved before the charge failed; OrderCancelled makes inventory release it (↩).',
    );
    await showTimeline(context, orderId, ['PaymentFailed', 'OrderCancelled', 'StockReleased']);
    await stockBack(context, before);
  },
};

export const shippingFailed: Scenario = {
  name: 'shipping-failed',
  summary: 'the carrier refuses: the payment is refunded and the stock released',
  concept: 'compensation of two earlier steps',
  async run(context) {
    const { narrator, saga } = context;
    await saga.restock('SKU-003', 1);
    const before = await saga.stock('SKU-003');
    await narrator.step('Ship to an address the carrier refuses', 'postal code 00000');
    const orderId = await saga.placeOrder('SKU-003', 1, { postalCode: '00000' });
    const order = await saga.terminal(orderId);
    narrator.claim('the order is CANCELLED as SHIPPING_FAILED', order.cancellationReason === 'SHIPPING_FAILED');
    await narrator.step(
      'Two compensations',
      'Payment refunds the charge and inventory releases the stock, each on OrderCancelled.',
    );
    await showTimeline(context, orderId, ['ShipmentFailed', 'PaymentRefunded', 'StockReleased']);
    const charges = await eventually(async () => {
      const all = await saga.charges(orderId);
      return all[0]?.refunded ? all : undefined;
    }, 15_000);
    narrator.claim('the one charge was refunded', charges.length === 1);
    await stockBack(context, before);
  },
};
