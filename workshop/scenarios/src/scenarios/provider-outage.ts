// provider-outage: the payment provider goes down under load. The circuit breaker opens and payment
// pauses its partitions instead of failing records, so no order is declined; they complete once it is back.
// With several payment instances each has its own breaker, and pauses and dead letters are summed over them.
import { eventually, metricByInstance, metricSum } from '@saga/client';
import { MetricNames } from '@saga/shared';
import { placeMany } from '../place-orders';
import type { Scenario } from '../scenario';

export const providerOutage: Scenario = {
  name: 'provider-outage',
  summary: 'the payment provider goes down: the breaker opens, partitions pause, nothing is declined',
  concept: 'circuit breaker and back-pressure instead of failure',
  async run({ narrator, gateway, providers, config }) {
    const paused = () => metricSum(config.paymentOpsUrls, MetricNames.partitionsPaused);
    const dead = () => metricSum(config.paymentOpsUrls, MetricNames.deadLettered);
    const [pausedBefore, deadBefore] = [await paused(), await dead()];
    await narrator.step(
      'Take the payment provider down',
      'PUT /admin/faults {"down":true}: every call fails with 503.',
    );
    await providers.setFaults('payment', { down: true });
    let orderIds: string[] = [];
    try {
      orderIds = await placeMany(gateway, 'SKU-002', 6);
      narrator.say(`${orderIds.length} orders placed during the outage`);
      await narrator.step(
        'The breaker opens and the partitions pause',
        `watch ${MetricNames.circuitState} and ${MetricNames.partitionsPaused}`,
      );
      // An instance's breaker opens once its own calls fail: one open is the outage seen; an instance
      // that held none of these orders' partitions made no call, and its breaker stays closed.
      const states = await eventually(async () => {
        const byInstance = await metricByInstance(config.paymentOpsUrls, MetricNames.circuitState);
        return byInstance.some(({ value }) => value === 2) ? byInstance : undefined;
      }, 30_000);
      const open = states.filter(({ value }) => value === 2).length;
      const where = states.length > 1 ? ` on ${open} of ${states.length} instances` : '';
      narrator.claim(`the payment breaker is open${where} (${MetricNames.circuitState} = 2)`, true);
      const pauses = await eventually(async () => ((await paused()) > pausedBefore ? paused() : undefined), 15_000);
      narrator.claim(
        `payment paused its partitions instead of failing the records (${pauses - pausedBefore} pauses)`,
        true,
      );
      const pending = await Promise.all(orderIds.map((id) => gateway.order(id)));
      narrator.claim(
        'no order was declined while the provider was down',
        pending.every((o) => o.status === 'PENDING'),
      );
    } finally {
      await providers.resetFaults('payment');
    }
    await narrator.step('Bring it back', 'The breaker half-opens, a probe succeeds, it closes, the partitions resume.');
    const orders = await Promise.all(orderIds.map((id) => gateway.terminal(id, 60_000)));
    narrator.claim(
      `all ${orders.length} orders CONFIRMED after the outage`,
      orders.every((o) => o.status === 'CONFIRMED'),
    );
    narrator.claim('nothing was dead-lettered', (await dead()) === deadBefore);
  },
};
