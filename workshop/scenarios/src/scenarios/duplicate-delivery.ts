// duplicate-delivery: at-least-once delivery made visible. Every record of a confirmed order is produced
// again; the inbox of each consumer skips it, so nothing changes but the duplicate counter (summed over
// the payment instances: whichever holds the order's partition counts it).
import { eventually, metricSum } from '@saga/client';
import { MetricNames } from '@saga/shared';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';

export const duplicateDelivery: Scenario = {
  name: 'duplicate-delivery',
  summary: 'every record of a confirmed order delivered again: nothing changes, the duplicate counter moves',
  concept: 'idempotent consumers (inbox): at-least-once delivery, exactly-once effects',
  async run({ narrator, gateway, providers, kafka, config }) {
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    await gateway.terminal(orderId);
    const timeline = await gateway.timelineWith(orderId, ['OrderConfirmed', 'StockSold']);
    const stock = await gateway.stock('SKU-001');
    const duplicatesBefore = await metricSum(config.paymentOpsUrls, MetricNames.duplicates);
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
      const now = await metricSum(config.paymentOpsUrls, MetricNames.duplicates);
      return now > duplicatesBefore ? now : undefined;
    }, 20_000);
    narrator.claim(
      `payment counted the redelivered events as duplicates (${MetricNames.duplicates} ${duplicatesBefore} → ${duplicates})`,
      true,
    );
    narrator.claim('the order is still CONFIRMED', (await gateway.order(orderId)).status === 'CONFIRMED');
    narrator.claim('still exactly one charge', (await providers.charges(orderId)).length === 1);
    narrator.claim('still exactly one shipment', (await providers.shipments(orderId)).length === 1);
    const after = await gateway.stock('SKU-001');
    narrator.claim('the stock did not move', after.available === stock.available && after.reserved === stock.reserved);
  },
};
