// The smoke subset of the end-to-end suites, written against any running system: the happy path, each
// compensation, the Idempotency-Key and stock conservation under concurrency. Every assertion is
// relative to what the system held before (a running stack keeps its history), and each test restocks
// what it spends, so the suite can run again and again against the same compose or native stack.
import {
  ZipkinClient,
  eventually,
  orderRequest,
  systemClients,
  type Endpoints,
  type GatewayClient,
  type ProvidersClient,
} from '@saga/client';

/** Where the system under test answers. */
export type SmokeTarget = Pick<Endpoints, 'gatewayUrl' | 'paymentProviderUrl' | 'carrierUrl' | 'zipkinUrl'>;

/** Every process an order passes through when it is confirmed: each reports spans of its trace. */
const CONFIRMED_ORDER_SERVICES = [
  'gateway',
  'order',
  'inventory',
  'payment',
  'shipping',
  'payment-provider',
  'carrier',
];

export function describeSmoke(target: () => SmokeTarget): void {
  let gateway: GatewayClient;
  let providers: ProvidersClient;
  let zipkin: ZipkinClient;

  beforeAll(() => {
    ({ gateway, providers } = systemClients(target()));
    zipkin = new ZipkinClient(target().zipkinUrl);
  });

  // The restock must be answered 202 (the client throws otherwise) and show in the read model.
  const restock = (sku: string, quantity: number) => gateway.restockAndWait(sku, quantity, 30_000);

  describe('smoke: the saga on a running system', () => {
    it('confirms an order: stock sold, card charged once, shipment booked', async () => {
      await restock('SKU-001', 2);
      const before = await gateway.stock('SKU-001');

      const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-001', quantity: 2 }]));

      expect(await gateway.terminal(orderId)).toMatchObject({ status: 'CONFIRMED' });
      await gateway.stockWhen('SKU-001', (s) => s.available === before.available - 2 && s.reserved === before.reserved);
      expect(await providers.charges(orderId)).toEqual([
        expect.objectContaining({ status: 'succeeded', refunded: false }),
      ]);
      expect(await providers.shipments(orderId)).toEqual([expect.objectContaining({ status: 'booked' })]);
    });

    // A system started with OTEL_SDK_DISABLED=true traces nothing; the default does.
    const traced = process.env.OTEL_SDK_DISABLED?.toLowerCase() !== 'true';
    (traced ? it : it.skip)(
      'shows a confirmed order as one trace from every process in the viewer',
      async () => {
        const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-001', quantity: 1 }]));
        const { traceId } = await gateway.terminal(orderId);

        expect(traceId).toMatch(/^[0-9a-f]{32}$/);
        const spans = await zipkin.traceWith(traceId!, CONFIRMED_ORDER_SERVICES, 45_000);
        expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([traceId]));
      },
      60_000,
    );

    it('cancels as OUT_OF_STOCK and leaves the stock unchanged', async () => {
      const before = await gateway.stock('SKU-005');

      const { orderId } = await gateway.placeOrder(orderRequest([{ sku: 'SKU-005', quantity: before.available + 1 }]));

      expect(await gateway.terminal(orderId)).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'OUT_OF_STOCK',
      });
      expect(await gateway.stock('SKU-005')).toMatchObject({ available: before.available, reserved: before.reserved });
    });

    it('releases the stock when payment is declined', async () => {
      await restock('SKU-002', 1);
      const before = await gateway.stock('SKU-002');

      const { orderId } = await gateway.placeOrder(
        orderRequest([{ sku: 'SKU-002', quantity: 1 }], { kind: 'declined' }),
      );

      expect(await gateway.terminal(orderId)).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'PAYMENT_DECLINED',
      });
      await gateway.stockWhen('SKU-002', (s) => s.available === before.available && s.reserved === before.reserved);
      expect(await providers.charges(orderId)).toEqual([expect.objectContaining({ status: 'declined' })]);
    });

    it('refunds the payment and releases the stock when the carrier refuses the shipment', async () => {
      await restock('SKU-003', 1);
      const before = await gateway.stock('SKU-003');

      const { orderId } = await gateway.placeOrder(
        orderRequest([{ sku: 'SKU-003', quantity: 1 }], { kind: 'unshippable' }),
      );

      expect(await gateway.terminal(orderId)).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'SHIPPING_FAILED',
      });
      await gateway.stockWhen('SKU-003', (s) => s.available === before.available && s.reserved === before.reserved);
      await eventually(async () => ((await providers.charges(orderId))[0]?.refunded ? true : undefined));
    });

    it('answers a repeated Idempotency-Key with the same order, and places it once', async () => {
      await restock('SKU-004', 1);
      const idempotencyKey = `smoke-${Date.now()}-${Math.random()}`;
      const request = orderRequest([{ sku: 'SKU-004', quantity: 1 }]);

      const first = await gateway.placeOrder(request, { idempotencyKey });
      const second = await gateway.placeOrder(request, { idempotencyKey });

      expect(second.orderId).toBe(first.orderId);
      expect(await gateway.terminal(first.orderId)).toMatchObject({ status: 'CONFIRMED' });
      expect(await providers.charges(first.orderId)).toHaveLength(1);
    });

    it('keeps stock conserved across 20 concurrent orders, all of which end', async () => {
      const sku = 'SKU-006';
      await restock(sku, 40);
      const before = await gateway.stockWhen(sku, (s) => s.reserved === 0);

      const accepted = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          gateway.placeOrder(
            orderRequest([{ sku, quantity: 1 + (i % 3) }], { kind: i % 5 === 0 ? 'declined' : 'normal' }),
          ),
        ),
      );
      const orders = await Promise.all(accepted.map(({ orderId }) => gateway.terminal(orderId, 90_000)));

      const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
      const sold = confirmed.reduce((sum, order) => sum + order.items[0]!.quantity, 0);
      const after = await gateway.stockWhen(sku, (s) => s.reserved === 0);
      expect(after.available + sold).toBe(before.available);
      expect(confirmed).toHaveLength(16);
      expect(orders.filter((o) => o.status === 'CANCELLED').map((o) => o.cancellationReason)).toEqual(
        Array(4).fill('PAYMENT_DECLINED'),
      );
    }, 150_000);
  });
}
