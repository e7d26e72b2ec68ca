// saga-timeout: a provider slower than every call timeout; the order service's own deadline cancels the
// order (TIMED_OUT), and the charge the slow calls made after all is found by its key and refunded.
import { placeOrder } from '../place-orders';
import type { Scenario } from '../scenario';
import { stockBack } from '../stock-back';
import { showTimeline } from '../timeline';

export const sagaTimeout: Scenario = {
  name: 'saga-timeout',
  summary: 'a provider slower than every call timeout: TIMED_OUT, and the charge it made late is refunded',
  concept: 'deadlines in a saga; late events compensated',
  async run(context) {
    const { narrator, gateway, providers, config } = context;
    const latencyMs = config.providerTimeoutMs + 2_000;
    await gateway.restockAndWait('SKU-004', 1);
    const before = await gateway.stock('SKU-004');
    await narrator.step(
      `Make the payment provider answer only after ${latencyMs / 1000} s`,
      `Payment gives up on each call after ${config.providerTimeoutMs / 1000} s and retries with the same idempotency key;`,
      `the order service gives the whole order ${config.orderTimeoutMs / 1000} s (ORDER_TIMEOUT_MS).`,
    );
    await providers.setFaults('payment', { latencyMs });
    let orderId = '';
    try {
      orderId = await placeOrder(gateway, 'SKU-004', 1);
      await narrator.step('Wait for the deadline', 'The order service cancels the order itself: TIMED_OUT.');
      const order = await gateway.terminal(orderId, config.orderTimeoutMs * 3);
      narrator.claim('the order is CANCELLED as TIMED_OUT', order.cancellationReason === 'TIMED_OUT', order.status);
    } finally {
      await providers.resetFaults('payment');
    }
    await narrator.step(
      'The provider recovers',
      'The timed-out calls had charged the card. Payment never charges again to find out: it looks the',
      'charge up by its idempotency key, finds it, and since the order is cancelled, refunds it.',
    );
    await showTimeline(context, orderId, ['OrderCancelled', 'PaymentRefunded'], 60_000);
    const charges = await providers.charges(orderId);
    narrator.claim(
      'exactly one charge, refunded',
      charges.length === 1 && charges[0]!.refunded,
      JSON.stringify(charges),
    );
    narrator.claim('the order stays CANCELLED', (await gateway.order(orderId)).status === 'CANCELLED');
    await stockBack(context, before);
  },
};
