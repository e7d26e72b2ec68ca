// Outages and crashes under load: the breaker pauses instead of failing orders, and a killed service
// resumes from its committed offsets with nothing lost and nothing done twice.
import { MetricNames } from '@saga/shared';
import { pidListeningOn } from '../process-lookup';
import { eventually } from '../saga-client';
import type { Scenario, ScenarioContext } from '../scenario';

async function placeMany({ saga }: ScenarioContext, sku: string, count: number): Promise<string[]> {
  await saga.restock(sku, count);
  return Promise.all(Array.from({ length: count }, () => saga.placeOrder(sku, 1)));
}

export const providerOutage: Scenario = {
  name: 'provider-outage',
  summary: 'the payment provider goes down: the breaker opens, partitions pause, nothing is declined',
  concept: 'circuit breaker and back-pressure instead of failure',
  async run(context) {
    const { narrator, saga, config } = context;
    const paused = () => saga.metric(config.paymentOpsUrl, MetricNames.partitionsPaused);
    const dead = () => saga.metric(config.paymentOpsUrl, MetricNames.deadLettered);
    const [pausedBefore, deadBefore] = [await paused(), await dead()];
    await narrator.step(
      'Take the payment provider down',
      'PUT /admin/faults {"down":true}: every call fails with 503.',
    );
    await saga.faults('payment', { down: true });
    let orderIds: string[] = [];
    try {
      orderIds = await placeMany(context, 'SKU-002', 6);
      narrator.say(`${orderIds.length} orders placed during the outage`);
      await narrator.step(
        'The breaker opens and the partitions pause',
        `watch ${MetricNames.circuitState} and ${MetricNames.partitionsPaused}`,
      );
      const open = await eventually(async () => {
        const state = await saga.metric(config.paymentOpsUrl, MetricNames.circuitState);
        return state === 2 ? state : undefined;
      }, 30_000);
      narrator.claim(`the payment breaker is open (${MetricNames.circuitState} = ${open})`, true);
      const pauses = await eventually(async () => ((await paused()) > pausedBefore ? paused() : undefined), 15_000);
      narrator.claim(
        `payment paused its partitions instead of failing the records (${pauses - pausedBefore} pauses)`,
        true,
      );
      const pending = await Promise.all(orderIds.map((id) => saga.order(id)));
      narrator.claim(
        'no order was declined while the provider was down',
        pending.every((o) => o.status === 'PENDING'),
      );
    } finally {
      await saga.faults('payment', 'reset');
    }
    await narrator.step('Bring it back', 'The breaker half-opens, a probe succeeds, it closes, the partitions resume.');
    const orders = await Promise.all(orderIds.map((id) => saga.terminal(id, 60_000)));
    narrator.claim(
      `all ${orders.length} orders CONFIRMED after the outage`,
      orders.every((o) => o.status === 'CONFIRMED'),
    );
    narrator.claim('nothing was dead-lettered', (await dead()) === deadBefore);
  },
};

export const serviceCrash: Scenario = {
  name: 'service-crash',
  summary: 'SIGKILL the payment service mid-flight; it restarts and catches up, nothing lost or doubled',
  concept: 'committed offsets, transactional outbox and idempotency across a crash',
  async run(context) {
    const { narrator, saga, config } = context;
    const port = Number(new URL(config.paymentOpsUrl).port);
    const pid = pidListeningOn(port);
    narrator.claim(
      `found the payment service (pid ${pid}, ops port ${port}) on this machine`,
      pid !== undefined,
      'not found: this scenario kills a native process; on compose use `docker compose kill -s KILL payment`',
    );
    await saga.faults('payment', { latencyMs: 1_000 });
    let orderIds: string[] = [];
    try {
      await narrator.step('Put 10 orders in flight (payment calls take 1 s)');
      orderIds = await placeMany(context, 'SKU-001', 10);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await narrator.step(`kill -9 ${pid}`, 'No shutdown hook runs: whatever was in memory is gone.');
      process.kill(pid!, 'SIGKILL');
      const restarted = await eventually(
        async () => {
          const now = pidListeningOn(port);
          const ready = now !== undefined && now !== pid && (await fetch(`${config.paymentOpsUrl}/ready`)).ok;
          return ready ? now : undefined;
        },
        60_000,
        250,
      );
      narrator.claim(`the supervisor restarted payment (new pid ${restarted})`, true);
    } finally {
      await saga.faults('payment', 'reset');
    }
    await narrator.step(
      'It resumes from its last committed offsets',
      'Redelivered records meet the inbox; in-doubt charges settle by idempotency key.',
    );
    const orders = await Promise.all(orderIds.map((id) => saga.terminal(id, 90_000)));
    narrator.claim(
      'every order CONFIRMED',
      orders.every((o) => o.status === 'CONFIRMED'),
      orders.map((o) => o.status).join(','),
    );
    const charges = await Promise.all(orderIds.map((id) => saga.charges(id)));
    narrator.claim(
      'exactly one charge per order',
      charges.every((c) => c.filter((x) => x.status === 'succeeded').length === 1),
    );
  },
};
