// The smoke subset of the end-to-end suites, written against any running system: the happy path, each
// compensation, the Idempotency-Key and stock conservation under concurrency. Every assertion is
// relative to what the system held before (a running stack keeps its history), and each test restocks
// what it spends, so the suite can run again and again against the same compose or native stack.
import { eventually } from '../support/helpers';
import { http } from '../support/system';
import { SagaApi, orderRequest } from '../e2e/orders';

export interface SmokeTarget {
  gatewayUrl: string;
  paymentProviderUrl: string;
  carrierUrl: string;
}

export function describeSmoke(target: () => SmokeTarget): void {
  let api: SagaApi;
  let gatewayUrl: string;

  beforeAll(() => {
    ({ gatewayUrl } = target());
    api = new SagaApi(gatewayUrl, target().paymentProviderUrl, target().carrierUrl);
  });

  async function restock(sku: string, quantity: number): Promise<void> {
    const before = await api.stock(sku);
    const response = await http('POST', `${gatewayUrl}/inventory/${sku}/restock`, { quantity });
    expect(response.status).toBe(202);
    await api.stockWhen(sku, (s) => s.available >= before.available + quantity);
  }

  describe('smoke: the saga on a running system', () => {
    it('confirms an order: stock sold, card charged once, shipment booked', async () => {
      await restock('SKU-001', 2);
      const before = await api.stock('SKU-001');

      const orderId = await api.place(orderRequest([{ sku: 'SKU-001', quantity: 2 }]));

      expect(await api.terminal(orderId)).toMatchObject({ status: 'CONFIRMED' });
      await api.stockWhen('SKU-001', (s) => s.available === before.available - 2 && s.reserved === before.reserved);
      expect(await api.charges(orderId)).toEqual([expect.objectContaining({ status: 'succeeded', refunded: false })]);
      expect(await api.shipments(orderId)).toEqual([expect.objectContaining({ status: 'booked' })]);
    });

    it('cancels as OUT_OF_STOCK and leaves the stock unchanged', async () => {
      const before = await api.stock('SKU-005');

      const orderId = await api.place(orderRequest([{ sku: 'SKU-005', quantity: before.available + 1 }]));

      expect(await api.terminal(orderId)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'OUT_OF_STOCK' });
      expect(await api.stock('SKU-005')).toMatchObject({ available: before.available, reserved: before.reserved });
    });

    it('releases the stock when payment is declined', async () => {
      await restock('SKU-002', 1);
      const before = await api.stock('SKU-002');

      const orderId = await api.place(orderRequest([{ sku: 'SKU-002', quantity: 1 }], { token: 'tok_chargeDeclined' }));

      expect(await api.terminal(orderId)).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'PAYMENT_DECLINED',
      });
      await api.stockWhen('SKU-002', (s) => s.available === before.available && s.reserved === before.reserved);
      expect(await api.charges(orderId)).toEqual([expect.objectContaining({ status: 'declined' })]);
    });

    it('refunds the payment and releases the stock when the carrier refuses the shipment', async () => {
      await restock('SKU-003', 1);
      const before = await api.stock('SKU-003');

      const orderId = await api.place(orderRequest([{ sku: 'SKU-003', quantity: 1 }], { postalCode: '00000' }));

      expect(await api.terminal(orderId)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'SHIPPING_FAILED' });
      await api.stockWhen('SKU-003', (s) => s.available === before.available && s.reserved === before.reserved);
      await eventually(async () => ((await api.charges(orderId))[0]?.refunded ? true : undefined));
    });

    it('answers a repeated Idempotency-Key with the same order, and places it once', async () => {
      await restock('SKU-004', 1);
      const headers = { 'Idempotency-Key': `smoke-${Date.now()}-${Math.random()}` };
      const request = orderRequest([{ sku: 'SKU-004', quantity: 1 }]);

      const first = await api.place(request, headers);
      const second = await api.place(request, headers);

      expect(second).toBe(first);
      expect(await api.terminal(first)).toMatchObject({ status: 'CONFIRMED' });
      expect(await api.charges(first)).toHaveLength(1);
    });

    it('keeps stock conserved across 20 concurrent orders, all of which end', async () => {
      const sku = 'SKU-006';
      await restock(sku, 40);
      const before = await api.stockWhen(sku, (s) => s.reserved === 0);

      const orderIds = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.place(
            orderRequest([{ sku, quantity: 1 + (i % 3) }], { token: i % 5 === 0 ? 'tok_chargeDeclined' : 'tok_visa' }),
          ),
        ),
      );
      const orders = await Promise.all(orderIds.map((id) => api.terminal(id, 90_000)));

      const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
      const sold = confirmed.reduce((sum, order) => sum + order.items[0]!.quantity, 0);
      const after = await api.stockWhen(sku, (s) => s.reserved === 0);
      expect(after.available + sold).toBe(before.available);
      expect(confirmed).toHaveLength(16);
      expect(orders.filter((o) => o.status === 'CANCELLED').map((o) => o.cancellationReason)).toEqual(
        Array(4).fill('PAYMENT_DECLINED'),
      );
    }, 150_000);
  });
}
