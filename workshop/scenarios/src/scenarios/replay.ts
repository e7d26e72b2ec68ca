// replay: the log is the source of truth and consuming does not delete. A brand-new consumer group reads
// order.events from the beginning, and the services' own groups do not move.
import { eventually } from '@saga/client';
import { ConsumerGroups, Topics } from '@saga/shared';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';

export const replay: Scenario = {
  name: 'replay',
  summary: 'a brand-new consumer group reads the order history from the beginning of order.events',
  concept: 'the log as the source of truth: replay by a new consumer group',
  async run({ narrator, gateway, kafka }) {
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    await gateway.terminal(orderId);
    await gateway.timelineWith(orderId, ['OrderConfirmed']);
    const before = await eventually(() => kafka.committedAtEnd(ConsumerGroups.order, Topics.orderCommands));
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
