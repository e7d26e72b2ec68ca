// happy-path: one order through the whole choreographed saga, and the one OrderPlaced record that three
// services read, each in its own consumer group.
import { eventually } from '@saga/client';
import { ConsumerGroups, Topics } from '@saga/shared';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { showTimeline } from '../timeline';

export const happyPath: Scenario = {
  name: 'happy-path',
  summary: 'one order through the whole saga; one event fanned out to three services',
  concept: 'publish/subscribe and a choreographed saga',
  async run(context) {
    const { narrator, gateway, providers, kafka } = context;
    await narrator.step('Place an order', 'POST /orders answers 202 at once: the saga runs asynchronously, on Kafka.');
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    narrator.say(`order ${orderId} accepted`);
    await narrator.step('Watch it complete', 'No service calls another: each reacts to events and publishes its own.');
    const order = await gateway.terminal(orderId);
    narrator.claim('the order is CONFIRMED', order.status === 'CONFIRMED', order.status);
    const timeline = await showTimeline(context, orderId, ['OrderConfirmed', 'StockSold']);
    narrator.claim('the card was charged once', (await providers.charges(orderId)).length === 1);
    narrator.claim('one shipment was booked', (await providers.shipments(orderId)).length === 1);
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
