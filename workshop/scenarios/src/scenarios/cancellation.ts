// Cancellations that race the saga: the customer's, and the order service's own deadline.
import { eventually } from '../saga-client';
import type { Scenario } from '../scenario';
import { showTimeline, stockBack } from './outcomes';

export const customerCancel: Scenario = {
  name: 'customer-cancel',
  summary: 'the customer cancels while the payment provider is slow; every step is undone',
  concept: 'a command racing the saga; compensation of whatever was done so far',
  async run(context) {
    const { narrator, saga } = context;
    await saga.restock('SKU-004', 1);
    const before = await saga.stock('SKU-004');
    await narrator.step(
      'Slow the payment provider down to 3 s',
      'PUT /admin/faults {"latencyMs":3000} on the fake provider.',
    );
    await saga.faults('payment', { latencyMs: 3_000 });
    try {
      await narrator.step(
        'Place an order and cancel it at once',
        'POST /orders/{id}/cancel: a CancelOrder command to the order service.',
      );
      const orderId = await saga.placeOrder('SKU-004', 1);
      await saga.cancel(orderId);
      const order = await saga.terminal(orderId);
      narrator.claim('the order is CANCELLED_BY_CUSTOMER', order.cancellationReason === 'CANCELLED_BY_CUSTOMER');
      await showTimeline(context, orderId, ['OrderCancelled', 'StockReleased']);
      const settled = await eventually(async () => {
        const charges = await saga.charges(orderId);
        return charges.every((charge) => charge.refunded || charge.status !== 'succeeded') ? charges : undefined;
      }, 20_000);
      narrator.claim(`no charge stands (${settled.length} made, all refunded)`, true);
      await stockBack(context, before);
    } finally {
      await saga.faults('payment', 'reset');
    }
  },
};

export const sagaTimeout: Scenario = {
  name: 'saga-timeout',
  summary: 'a provider slower than every call timeout: TIMED_OUT, and the charge it made late is refunded',
  concept: 'deadlines in a saga; late events compensated',
  async run(context) {
    const { narrator, saga, config } = context;
    const latencyMs = config.providerTimeoutMs + 2_000;
    await saga.restock('SKU-004', 1);
    const before = await saga.stock('SKU-004');
    await narrator.step(
      `Make the payment provider answer only after ${latencyMs / 1000} s`,
      `Payment gives up on each call after ${config.providerTimeoutMs / 1000} s and retries with the same idempotency key;`,
      `the order service gives the whole order ${config.orderTimeoutMs / 1000} s (ORDER_TIMEOUT_MS).`,
    );
    await saga.faults('payment', { latencyMs });
    let orderId = '';
    try {
      orderId = await saga.placeOrder('SKU-004', 1);
      await narrator.step('Wait for the deadline', 'The order service cancels the order itself: TIMED_OUT.');
      const order = await saga.terminal(orderId, config.orderTimeoutMs * 3);
      narrator.claim('the order is CANCELLED as TIMED_OUT', order.cancellationReason === 'TIMED_OUT', order.status);
    } finally {
      await saga.faults('payment', 'reset');
    }
    await narrator.step(
      'The provider recovers',
      'The timed-out calls had charged the card. Payment never charges again to find out: it looks the',
      'charge up by its idempotency key, finds it, and since the order is cancelled, refunds it.',
    );
    await showTimeline(context, orderId, ['OrderCancelled', 'PaymentRefunded'], 60_000);
    const charges = await saga.charges(orderId);
    narrator.claim(
      'exactly one charge, refunded',
      charges.length === 1 && charges[0]!.refunded,
      JSON.stringify(charges),
    );
    narrator.claim('the order stays CANCELLED', (await saga.order(orderId)).status === 'CANCELLED');
    await stockBack(context, before);
  },
};
