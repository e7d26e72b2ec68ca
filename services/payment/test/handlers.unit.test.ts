// The handlers, through the runtime's real unit of work (inbox, lock, transaction, outbox), against an
// in-memory store and a fake provider that keeps Stripe-like idempotency: what happens when the
// provider's answer is lost, or its charge never left, and the event is retried or the order cancelled.
import { TestRuntime } from '../../../test/support/handler-context';
import {
  MESSAGING_MIGRATION,
  newEnvelope,
  ProviderUnavailableError,
  SqliteDatabase,
  type EventMap,
  type EventType,
  type ServiceHandler,
} from '@saga/shared';
import type { ChargeOutcome, ChargeRequest, RefundRequest } from '../src/domain/payment';
import type { PaymentDeps } from '../src/handlers/drive-payment';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onStockReserved } from '../src/handlers/StockReserved';
import type { PaymentProvider } from '../src/provider-client';
import { PAYMENT_MIGRATIONS, SqlitePaymentStore } from '../src/store';

class FakeProvider implements PaymentProvider {
  readonly charges = new Map<string, { chargeId: string; token: string; refunds: number }>();
  /** The next charge takes effect, but its answer never reaches the caller (a timeout). */
  loseNextAnswer = false;
  /** The next charge never reaches the provider (the process died right after recording its intent). */
  dropNextCharge = false;
  chargeCalls = 0;

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    this.chargeCalls += 1;
    if (this.dropNextCharge) {
      this.dropNextCharge = false;
      throw new ProviderUnavailableError('payment provider unreachable');
    }
    let charge = this.charges.get(request.idempotencyKey);
    if (!charge) {
      charge = { chargeId: `ch_${this.charges.size + 1}`, token: request.token, refunds: 0 };
      this.charges.set(request.idempotencyKey, charge);
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new ProviderUnavailableError('payment provider timed out');
    }
    return charge.token === 'tok_chargeDeclined'
      ? { kind: 'declined', declineCode: 'card_declined' }
      : { kind: 'succeeded', chargeId: charge.chargeId };
  }

  async findCharge(idempotencyKey: string): Promise<ChargeOutcome | undefined> {
    const charge = this.charges.get(idempotencyKey);
    if (!charge) return undefined;
    return charge.token === 'tok_chargeDeclined'
      ? { kind: 'declined', declineCode: 'card_declined' }
      : { kind: 'succeeded', chargeId: charge.chargeId };
  }

  async refund({ chargeId }: RefundRequest): Promise<void> {
    const charge = [...this.charges.values()].find((candidate) => candidate.chargeId === chargeId);
    if (!charge) throw new Error(`no charge ${chargeId}`);
    charge.refunds += 1;
  }
}

const cause = { correlationId: 'o-1', causationId: 'test' };
const orderPlaced: EventMap['OrderPlaced'] = {
  envelope: newEnvelope('order-service', cause),
  orderId: 'o-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentToken: 'tok_visa',
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  giftMessage: null,
};
const stockReserved: EventMap['StockReserved'] = {
  envelope: newEnvelope('inventory-service', cause),
  orderId: 'o-1',
  lines: [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1_999 }],
  totalCents: 3_998,
  currency: 'EUR',
};
const orderCancelled: EventMap['OrderCancelled'] = {
  envelope: newEnvelope('order-service', cause),
  orderId: 'o-1',
  reason: 'TIMED_OUT',
};

function setup() {
  const database = new SqliteDatabase(':memory:', [MESSAGING_MIGRATION, ...PAYMENT_MIGRATIONS]);
  const runtime = new TestRuntime(database);
  const provider = new FakeProvider();
  const deps: PaymentDeps = { store: new SqlitePaymentStore(database), provider };
  const emitted: EventType[] = [];

  /** Delivers one event through the runtime's unit of work; `emitted` is then what the outbox holds. */
  async function deliver<T extends EventType>(type: T, handler: ServiceHandler<T>, event: EventMap[T]): Promise<void> {
    try {
      await runtime.deliver(type, handler, event);
    } finally {
      emitted.splice(0, emitted.length, ...(await runtime.emitted()).map((entry) => entry.type));
    }
  }

  return { deps, provider, emitted, deliver, payment: () => deps.store.get('o-1') };
}

describe('payment handlers', () => {
  it('charges once when StockReserved is retried after the provider charged but its answer was lost', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    provider.loseNextAnswer = true;

    await expect(deliver('StockReserved', onStockReserved(deps), stockReserved)).rejects.toThrow(
      ProviderUnavailableError,
    );
    await deliver('StockReserved', onStockReserved(deps), stockReserved);

    expect(provider.charges.size).toBe(1);
    expect(provider.chargeCalls).toBe(1); // the retry found the charge by its key instead of charging again
    expect(emitted).toEqual(['PaymentCompleted']);
    expect(await payment()).toMatchObject({ status: 'CHARGED', chargeId: 'ch_1' });
  });

  it('charges nothing when the order is cancelled after an intent whose charge never reached the provider', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    provider.dropNextCharge = true;
    await expect(deliver('StockReserved', onStockReserved(deps), stockReserved)).rejects.toThrow(
      ProviderUnavailableError,
    );
    expect(await payment()).toMatchObject({ status: 'CHARGING' });

    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('StockReserved', onStockReserved(deps), stockReserved);

    expect(provider.charges.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await payment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('charges afresh when the order goes on after an intent whose charge never reached the provider', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    provider.dropNextCharge = true;
    await expect(deliver('StockReserved', onStockReserved(deps), stockReserved)).rejects.toThrow(
      ProviderUnavailableError,
    );

    await deliver('StockReserved', onStockReserved(deps), stockReserved);

    expect(provider.charges.size).toBe(1);
    expect(emitted).toEqual(['PaymentCompleted']);
    expect(await payment()).toMatchObject({ status: 'CHARGED' });
  });

  it('refunds a charge whose answer was lost when the order is cancelled before the retry', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    provider.loseNextAnswer = true;
    await expect(deliver('StockReserved', onStockReserved(deps), stockReserved)).rejects.toThrow(
      ProviderUnavailableError,
    );

    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('StockReserved', onStockReserved(deps), stockReserved);

    expect([...provider.charges.values()]).toEqual([{ chargeId: 'ch_1', token: 'tok_visa', refunds: 1 }]);
    expect(emitted).toEqual(['PaymentRefunded']);
    expect(await payment()).toMatchObject({ status: 'REFUNDED' });
  });

  it('charges nothing for an order cancelled before its stock was reserved', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();

    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('StockReserved', onStockReserved(deps), stockReserved);

    expect(provider.charges.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await payment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('fails the payment of a declined card and refunds nothing when the order is then cancelled', async () => {
    const { deps, provider, emitted, deliver, payment } = setup();

    await deliver('StockReserved', onStockReserved(deps), stockReserved);
    await deliver('OrderPlaced', onOrderPlaced(deps), { ...orderPlaced, paymentToken: 'tok_chargeDeclined' });
    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);

    expect(emitted).toEqual(['PaymentFailed']);
    expect([...provider.charges.values()]).toEqual([expect.objectContaining({ refunds: 0 })]);
    expect(await payment()).toMatchObject({ status: 'DECLINED' });
  });
});
