// The handlers, through the runtime's real unit of work (inbox, lock, transaction, outbox), against an
// in-memory store and a fake provider that keeps Stripe-like idempotency: what happens when the
// provider's answer is lost, or its charge never left, and the event is retried or the order cancelled.
import { handlerHarness } from '../../../test/support/handler-context';
import { FakeProvider } from '../../../test/support/fake-provider';
import { orderCancelled, orderPlaced, received } from '../../../test/support/order-events';
import { ProviderUnavailableError } from '@saga/shared';
import type { ChargeOutcome, ChargeRequest, RefundRequest } from '../src/domain/payment';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onStockReserved } from '../src/handlers/StockReserved';
import type { PaymentProvider } from '../src/provider-client';
import { PAYMENT_MIGRATIONS, SqlPaymentStore } from '../src/store';
import { DECLINED_TOKEN } from '@saga/providers';

interface Charge {
  chargeId: string;
  token: string;
  refunds: number;
}

/** The provider's charges: `tok_chargeDeclined` is declined, any other token charged. */
class FakePaymentProvider extends FakeProvider<ChargeRequest, Charge> implements PaymentProvider {
  constructor() {
    super('payment provider', ({ token }, count) => ({ chargeId: `ch_${count}`, token, refunds: 0 }));
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    return outcome(await this.call(request));
  }

  async findCharge(idempotencyKey: string): Promise<ChargeOutcome | undefined> {
    const charge = this.lookup(idempotencyKey);
    return charge && outcome(charge);
  }

  async refund({ chargeId }: RefundRequest): Promise<void> {
    this.find((charge) => charge.chargeId === chargeId, `the refund of ${chargeId}`).refunds += 1;
  }
}

const outcome = ({ token, chargeId }: Charge): ChargeOutcome =>
  token === DECLINED_TOKEN ? { kind: 'declined', declineCode: 'card_declined' } : { kind: 'succeeded', chargeId };

const placed = orderPlaced('o-1');
const reserved = received<'StockReserved'>('inventory-service', {
  orderId: 'o-1',
  lines: [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1_999 }],
  totalCents: 3_998,
  currency: 'EUR',
});
const cancelled = orderCancelled('o-1');

function setup() {
  const provider = new FakePaymentProvider();
  const service = handlerHarness(PAYMENT_MIGRATIONS, (database) => ({
    store: new SqlPaymentStore(database),
    provider,
  }));
  return { ...service, provider, payment: () => service.deps.store.get('o-1') };
}

describe('payment handlers', () => {
  it('charges once when StockReserved is retried after the provider charged but its answer was lost', async () => {
    const { provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    provider.loseNextAnswer = true;

    await expect(deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow(ProviderUnavailableError);
    await deliver('StockReserved', onStockReserved, reserved);

    expect(provider.made.size).toBe(1);
    expect(provider.calls).toBe(1); // the retry found the charge by its key instead of charging again
    expect(emitted).toEqual(['PaymentCompleted']);
    expect(await payment()).toMatchObject({ status: 'CHARGED', chargeId: 'ch_1' });
  });

  it('charges nothing when the order is cancelled after an intent whose charge never reached the provider', async () => {
    const { provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    provider.dropNextCall = true;
    await expect(deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow(ProviderUnavailableError);
    expect(await payment()).toMatchObject({ status: 'CHARGING' });

    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('StockReserved', onStockReserved, reserved);

    expect(provider.made.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await payment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('charges afresh when the order goes on after an intent whose charge never reached the provider', async () => {
    const { provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    provider.dropNextCall = true;
    await expect(deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow(ProviderUnavailableError);

    await deliver('StockReserved', onStockReserved, reserved);

    expect(provider.made.size).toBe(1);
    expect(emitted).toEqual(['PaymentCompleted']);
    expect(await payment()).toMatchObject({ status: 'CHARGED' });
  });

  it('refunds a charge whose answer was lost when the order is cancelled before the retry', async () => {
    const { provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    provider.loseNextAnswer = true;
    await expect(deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow(ProviderUnavailableError);

    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('StockReserved', onStockReserved, reserved);

    expect([...provider.made.values()]).toEqual([{ chargeId: 'ch_1', token: 'tok_visa', refunds: 1 }]);
    expect(emitted).toEqual(['PaymentRefunded']);
    expect(await payment()).toMatchObject({ status: 'REFUNDED' });
  });

  it('charges nothing for an order cancelled before its stock was reserved', async () => {
    const { provider, emitted, deliver, payment } = setup();

    await deliver('OrderPlaced', onOrderPlaced, placed);
    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('StockReserved', onStockReserved, reserved);

    expect(provider.made.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await payment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('fails the payment of a declined card and refunds nothing when the order is then cancelled', async () => {
    const { provider, emitted, deliver, payment } = setup();

    await deliver('StockReserved', onStockReserved, reserved);
    await deliver('OrderPlaced', onOrderPlaced, orderPlaced('o-1', { paymentToken: DECLINED_TOKEN }));
    await deliver('OrderCancelled', onOrderCancelled, cancelled);

    expect(emitted).toEqual(['PaymentFailed']);
    expect([...provider.made.values()]).toEqual([expect.objectContaining({ refunds: 0 })]);
    expect(await payment()).toMatchObject({ status: 'DECLINED' });
  });
});
