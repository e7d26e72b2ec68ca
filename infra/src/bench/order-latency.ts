// `npm run bench:latency`: places N orders one after another through the running gateway (`make dev`)
// and prints how long each took from POST to CONFIRMED (p50/p95/p99/max), polling GET /orders/{id}.
// A benchmark prints figures; it asserts nothing.
import { formats, loadConfig, setting } from '@saga/shared';

const config = loadConfig({
  gatewayUrl: setting('GATEWAY_URL', 'the gateway to measure', 'http://127.0.0.1:8080', formats.url),
  orders: setting('BENCH_ORDERS', 'orders to place', 100, formats.int),
  pollMs: setting('BENCH_POLL_MS', 'poll interval of GET /orders/{id}', 5, formats.int),
});

const body = JSON.stringify({
  customerId: 'bench',
  items: [{ sku: 'SKU-004', quantity: 1 }],
  paymentMethod: { token: 'tok_visa' },
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
});

async function oneOrder(): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  const response = await fetch(`${config.gatewayUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 202) throw new Error(`POST /orders answered ${response.status}: ${await response.text()}`);
  const { orderId } = (await response.json()) as { orderId: string };
  for (;;) {
    const order = (await (await fetch(`${config.gatewayUrl}/orders/${orderId}`)).json()) as { status: string };
    if (order.status !== 'PENDING') return { ms: performance.now() - started, status: order.status };
    await new Promise((resolve) => setTimeout(resolve, config.pollMs));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function run(): Promise<void> {
  const results: { ms: number; status: string }[] = [];
  for (let i = 0; i < config.orders; i++) results.push(await oneOrder());
  const confirmed = results
    .filter((r) => r.status === 'CONFIRMED')
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`orders: ${results.length}, confirmed: ${confirmed.length}`);
  console.log(
    `POST -> CONFIRMED: p50 ${f(percentile(confirmed, 50))}, p95 ${f(percentile(confirmed, 95))}, ` +
      `p99 ${f(percentile(confirmed, 99))}, max ${f(confirmed.at(-1) ?? NaN)}`,
  );
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
