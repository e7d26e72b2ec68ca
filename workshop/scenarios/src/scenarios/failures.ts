// What the runtime does with bad input and at-least-once delivery: poison goes to a dead-letter topic
// and can be replayed after the fix; a redelivered record changes nothing.
import { randomUUID } from 'node:crypto';
import { ConsumerGroups, MetricNames, Topics } from '@saga/shared';
import { dltCli, dltLines } from '../dlt-cli';
import { eventually } from '../saga-client';
import type { Scenario } from '../scenario';

export const poisonMessage: Scenario = {
  name: 'poison-message',
  summary: 'garbage bytes and a permanently failing record go to dead-letter topics; replay after the fix',
  concept: 'dead-letter topics: poison never blocks and is never dropped',
  async run({ narrator, saga, kafka, config }) {
    const key = `poison-${randomUUID().slice(0, 8)}`;
    await narrator.step('Write garbage bytes to payment.events', `key ${key}: not Avro, no schema id.`);
    await kafka.produce(Topics.paymentEvents, [{ key, value: Buffer.from('definitely not avro') }]);
    await narrator.step(
      'Every consuming group parks it on its own dead-letter topic',
      'npm run dlt -- list order-service',
    );
    const parked = await eventually(async () => {
      const lines = dltLines(config, ConsumerGroups.order, key);
      return lines.length > 0 ? lines : undefined;
    }, 20_000);
    narrator.show(parked.join('\n'));
    narrator.claim('order-service dead-lettered it as SAGA_DECODE_FAILED', parked[0]!.includes('SAGA_DECODE_FAILED'));

    await narrator.step('A record that fails for good', 'The payment provider now rejects every charge (rejectAll).');
    await saga.faults('payment', { rejectAll: true });
    let orderId: string;
    try {
      await saga.restock('SKU-003', 1);
      orderId = await saga.placeOrder('SKU-003', 1);
      const lines = await eventually(async () => {
        const found = dltLines(config, ConsumerGroups.payment, orderId);
        return found.length > 0 ? found : undefined;
      }, 30_000);
      narrator.show(lines.join('\n'));
      narrator.claim(
        'payment-service dead-lettered it; the order waits, PENDING',
        (await saga.order(orderId)).status === 'PENDING',
      );
    } finally {
      await saga.faults('payment', 'reset');
    }
    await narrator.step('Fix the cause, then replay', `npm run dlt -- replay ${ConsumerGroups.payment} <offset>`);
    const offset = dltLines(config, ConsumerGroups.payment, orderId)[0]!.trim().split(/\s+/)[0]!;
    narrator.say(dltCli(config, 'replay', ConsumerGroups.payment, offset).trim());
    const order = await saga.terminal(orderId);
    narrator.claim('the replayed record completes the order: CONFIRMED', order.status === 'CONFIRMED', order.status);
  },
};

export const duplicateDelivery: Scenario = {
  name: 'duplicate-delivery',
  summary: 'every record of a confirmed order delivered again: nothing changes, the duplicate counter moves',
  concept: 'idempotent consumers (inbox): at-least-once delivery, exactly-once effects',
  async run({ narrator, saga, kafka, config }) {
    await saga.restock('SKU-001', 1);
    const orderId = await saga.placeOrder('SKU-001', 1);
    await saga.terminal(orderId);
    const timeline = await saga.timelineWith(orderId, ['OrderConfirmed', 'StockSold']);
    const stock = await saga.stock('SKU-001');
    const duplicatesBefore = await saga.metric(config.paymentOpsUrl, MetricNames.duplicates);
    await narrator.step(
      `Deliver all ${timeline.length} records of a confirmed order again`,
      'The exact same bytes, read back from where the timeline says they are, produced again.',
    );
    const records = await kafka.readAt(timeline);
    for (const record of records) {
      const { key, value, headers } = record.message;
      await kafka.produce(record.topic, [{ key: key?.toString() ?? orderId, value, headers }]);
    }
    const duplicates = await eventually(async () => {
      const now = await saga.metric(config.paymentOpsUrl, MetricNames.duplicates);
      return now > duplicatesBefore ? now : undefined;
    }, 20_000);
    narrator.claim(
      `payment counted the redelivered events as duplicates (${MetricNames.duplicates} ${duplicatesBefore} → ${duplicates})`,
      true,
    );
    narrator.claim('the order is still CONFIRMED', (await saga.order(orderId)).status === 'CONFIRMED');
    narrator.claim('still exactly one charge', (await saga.charges(orderId)).length === 1);
    narrator.claim('still exactly one shipment', (await saga.shipments(orderId)).length === 1);
    const after = await saga.stock('SKU-001');
    narrator.claim('the stock did not move', after.available === stock.available && after.reserved === stock.reserved);
  },
};
