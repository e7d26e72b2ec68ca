// service-crash: SIGKILL the payment service with orders in flight (its first instance, when several run).
// The supervisor restarts it; it resumes from its committed offsets (or the other instances take its
// partitions meanwhile), the inbox skips what was done, in-doubt charges settle by idempotency key.
import { eventually, instanceUrls, serviceReady } from '@saga/client';
import { placeMany } from '../place-orders';
import { pidListeningOn } from '../process-lookup';
import type { Scenario } from '../scenario';

export const serviceCrash: Scenario = {
  name: 'service-crash',
  summary: 'SIGKILL the payment service mid-flight; it restarts and catches up, nothing lost or doubled',
  concept: 'committed offsets, transactional outbox and idempotency across a crash',
  async run({ narrator, gateway, providers, config }) {
    const instances = await instanceUrls(config.paymentOpsUrls);
    const port = Number(new URL(instances[0]!).port);
    const pid = pidListeningOn(port);
    const which = instances.length > 1 ? `instance 1 of ${instances.length}, ` : '';
    narrator.claim(
      `found the payment service (${which}pid ${pid}, ops port ${port}) on this machine`,
      pid !== undefined,
      'not found: this scenario kills a native process; on compose use `docker compose kill -s KILL payment`',
    );
    await providers.setFaults('payment', { latencyMs: 1_000 });
    let orderIds: string[] = [];
    try {
      await narrator.step('Put 10 orders in flight (payment calls take 1 s)');
      orderIds = await placeMany(gateway, 'SKU-001', 10);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await narrator.step(`kill -9 ${pid}`, 'No shutdown hook runs: whatever was in memory is gone.');
      process.kill(pid!, 'SIGKILL');
      // Back means the restarted process listens and every instance is ready again (consumers joined).
      const restarted = await eventually(
        async () => {
          const now = pidListeningOn(port);
          return now !== undefined && now !== pid && (await serviceReady(config.paymentOpsUrls)) ? now : undefined;
        },
        60_000,
        250,
      );
      narrator.claim(`the supervisor restarted payment (new pid ${restarted})`, true);
    } finally {
      await providers.resetFaults('payment');
    }
    await narrator.step(
      'It resumes from its last committed offsets',
      'Redelivered records meet the inbox; in-doubt charges settle by idempotency key.',
    );
    const orders = await Promise.all(orderIds.map((id) => gateway.terminal(id, 90_000)));
    narrator.claim(
      'every order CONFIRMED',
      orders.every((o) => o.status === 'CONFIRMED'),
      orders.map((o) => o.status).join(','),
    );
    const charges = await Promise.all(orderIds.map((id) => providers.charges(id)));
    narrator.claim(
      'exactly one charge per order',
      charges.every((c) => c.filter((x) => x.status === 'succeeded').length === 1),
    );
  },
};
