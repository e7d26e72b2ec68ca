// poison-message: bad input never blocks a partition and is never dropped. Garbage bytes and a record
// that fails for good each go to a dead-letter topic; after the fix, the dead letter is replayed.
import { randomUUID } from 'node:crypto';
import { eventually } from '@saga/client';
import { ConsumerGroups, Topics } from '@saga/shared';
import { dltCli, dltLines } from '../dlt-cli';
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';

export const poisonMessage: Scenario = {
  name: 'poison-message',
  summary: 'garbage bytes and a permanently failing record go to dead-letter topics; replay after the fix',
  concept: 'dead-letter topics: poison never blocks and is never dropped',
  async run({ narrator, gateway, providers, kafka, config }) {
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
    await providers.setFaults('payment', { rejectAll: true });
    let orderId: string;
    try {
      await gateway.restockAndWait('SKU-003', 1);
      orderId = await placeOrder(gateway, 'SKU-003', 1);
      const lines = await eventually(async () => {
        const found = dltLines(config, ConsumerGroups.payment, orderId);
        return found.length > 0 ? found : undefined;
      }, 30_000);
      narrator.show(lines.join('\n'));
      narrator.claim(
        'payment-service dead-lettered it; the order waits, PENDING',
        (await gateway.order(orderId)).status === 'PENDING',
      );
    } finally {
      await providers.resetFaults('payment');
    }
    await narrator.step('Fix the cause, then replay', `npm run dlt -- replay ${ConsumerGroups.payment} <offset>`);
    const offset = dltLines(config, ConsumerGroups.payment, orderId)[0]!.trim().split(/\s+/)[0]!;
    narrator.say(dltCli(config, 'replay', ConsumerGroups.payment, offset).trim());
    const order = await gateway.terminal(orderId);
    narrator.claim('the replayed record completes the order: CONFIRMED', order.status === 'CONFIRMED', order.status);
  },
};
