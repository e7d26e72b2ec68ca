// ordering: what the log guarantees about order. An order's records share one partition per topic (they
// are keyed by the order id), so they are in order there; across topics there is no order, and the saga copes.
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { showTimeline } from '../timeline';

export const ordering: Scenario = {
  name: 'ordering',
  summary: "an order's records share one partition per topic, in order; across topics the saga copes",
  concept: 'partitioning by key: per-key order, no global order',
  async run(context) {
    const { narrator, gateway } = context;
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    await gateway.terminal(orderId);
    await narrator.step(
      'Every record is keyed by the order id',
      'Kafka hashes the key to a partition, so one order stays on one partition of each topic.',
    );
    const timeline = await showTimeline(context, orderId, ['OrderConfirmed', 'StockSold']);
    for (const topic of new Set(timeline.map((entry) => entry.topic))) {
      const records = timeline.filter((entry) => entry.topic === topic);
      const partitions = new Set(records.map((entry) => entry.partition));
      const offsets = records.map((entry) => entry.offset);
      const inOrder = offsets.every((offset, i) => i === 0 || offset > offsets[i - 1]!);
      narrator.claim(
        `${topic}: ${records.map((entry) => entry.type).join(' → ')} on partition ${[...partitions].join(',')}, offsets ascending`,
        partitions.size === 1 && inOrder,
      );
    }
    await narrator.step(
      'No order across topics',
      'Payment needs OrderPlaced (order.events) and StockReserved (inventory.events); they may arrive either way round.',
      'It records whichever comes first and charges only once it has both, so the race cannot break the saga.',
    );
    const at = (type: string) => Date.parse(timeline.find((entry) => entry.type === type)!.occurredAt);
    narrator.claim(
      'PaymentCompleted came after both of its inputs',
      at('PaymentCompleted') >= Math.max(at('OrderPlaced'), at('StockReserved')),
    );
  },
};
