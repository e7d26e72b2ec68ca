// What the log itself guarantees: order within a partition (by key), none across topics, and history
// that any new consumer group can read again from the beginning.
import { ConsumerGroups, Topics } from '@saga/shared';
import type { Scenario } from '../scenario';
import { showTimeline } from './outcomes';

export const ordering: Scenario = {
  name: 'ordering',
  summary: "an order's records share one partition per topic, in order; across topics the saga copes",
  concept: 'partitioning by key: per-key order, no global order',
  async run(context) {
    const { narrator, saga } = context;
    await saga.restock('SKU-001', 1);
    const orderId = await saga.placeOrder('SKU-001', 1);
    await saga.terminal(orderId);
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

export const replay: Scenario = {
  name: 'replay',
  summary: 'a brand-new consumer group reads the order history from the beginning of order.events',
  concept: 'the log as the source of truth: replay by a new consumer group',
  async run({ narrator, saga, kafka }) {
    await saga.restock('SKU-001', 1);
    const orderId = await saga.placeOrder('SKU-001', 1);
    await saga.terminal(orderId);
    await saga.timelineWith(orderId, ['OrderConfirmed']);
    const before = await kafka.committed(ConsumerGroups.order, Topics.orderCommands);
    await narrator.step(
      'Start a new consumer group at the beginning of order.events',
      'It reads what every other group already consumed: consuming does not delete.',
    );
    const { groupId, records } = await kafka.readFromBeginning(Topics.orderEvents);
    narrator.say(`${groupId} read ${records.length} records`);
    const ours = [];
    for (const record of records.filter((r) => r.message.key?.toString() === orderId)) {
      ours.push((await kafka.serde.decode(record.message.value)).type);
    }
    narrator.claim(
      `the order's history is all there: ${ours.join(' → ')}`,
      ours.includes('OrderPlaced') && ours.includes('OrderConfirmed'),
    );
    const after = await kafka.committed(ConsumerGroups.order, Topics.orderCommands);
    narrator.claim(
      "the services' own groups did not move: each group has its own offsets",
      JSON.stringify([...after]) === JSON.stringify([...before]),
    );
  },
};
