// The gateway's read model is a projection of the topics: empty it on the running gateway and project
// the topics again from the beginning (make rebuild-read-model does the same), and the view comes back
// the same, because the topics, not the read model, are the source of truth.
import { eventually } from '@saga/client';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';

export const readModelRebuild: Scenario = {
  name: 'read-model-rebuild',
  summary: "the gateway's read model emptied and projected again from the topics; the same view comes back",
  concept: 'CQRS read models are disposable: rebuilt from the log',
  async run({ narrator, gateway }) {
    await gateway.restockAndWait('SKU-001', 1);
    const orderId = await placeOrder(gateway, 'SKU-001', 1);
    await gateway.terminal(orderId);
    await gateway.timelineWith(orderId, ['OrderConfirmed', 'StockSold']);
    await narrator.step('The view before', 'GET /orders/{id}, its timeline and GET /inventory, from the read model.');
    const order = JSON.stringify(await gateway.order(orderId));
    const timeline = await gateway.timeline(orderId);
    const skus = (await gateway.products()).map((product) => product.sku);
    narrator.say(`order ${orderId}: ${timeline.length} records in its timeline; ${skus.length} products`);

    await narrator.step(
      'Rebuild it: POST /admin/read-model/rebuild (what `make rebuild-read-model` calls)',
      'The gateway stops projecting, empties its read model, forgets its consumer group and reads every',
      'retained record again from the beginning of the topics; /ready is 503 until it has caught up.',
    );
    const started = Date.now();
    await gateway.rebuildReadModel();
    await eventually(async () => ((await gateway.ready()) ? true : undefined), 120_000, 250);
    narrator.say(`ready again after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    await narrator.step('The view after');
    const rebuilt = await eventually(async () => {
      const again = await gateway.timeline(orderId).catch(() => []);
      return again.length >= timeline.length ? again : undefined;
    }, 30_000);
    narrator.claim(
      `the order reads the same: ${JSON.parse(order).status}, ${JSON.parse(order).totalAmount}`,
      JSON.stringify(await gateway.order(orderId)) === order,
    );
    const ids = (entries: { eventId: string; offset: number }[]) =>
      entries.map((e) => `${e.eventId}@${e.offset}`).join();
    narrator.claim(
      `its timeline has the same ${timeline.length} records, at the same offsets`,
      ids(rebuilt) === ids(timeline),
    );
    const skusAfter = (await gateway.products()).map((product) => product.sku);
    narrator.claim(`the same ${skus.length} products are listed`, skusAfter.join() === skus.join());
  },
};
