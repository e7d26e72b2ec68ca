// A payment process dies between recording its intent (CHARGING) and recording the provider's answer;
// its successor settles the charge by looking it up under its idempotency key at the real fake
// provider (over HTTP), never by charging again: exactly one charge, and none for a cancelled order.
// On SQLite the successor is the restarted process on the same file; on PostgreSQL it is another
// instance of the service on the same schema, as after a rebalance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  loadConfig,
  ProviderUnavailableError,
  TokenVerifier,
  tokenVerifierSettings,
  type SqlDatabase,
} from '@saga/shared';
import { handlerHarness } from '../../../test/support/handler-context';
import { testPostgres } from '../../../test/support/postgres';
import { orderCancelled, orderPlaced, received } from '../../../test/support/order-events';
import { createPaymentProviderApp, listen, type RunningProvider } from '@saga/providers';
import type { ChargeRequest } from '../src/domain/payment';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onStockReserved } from '../src/handlers/StockReserved';
import { PaymentProviderClient } from '../src/provider-client';
import { PAYMENT_MIGRATIONS, SqlPaymentStore } from '../src/store';

let provider: RunningProvider;
beforeEach(async () => {
  provider = await listen(
    createPaymentProviderApp({
      logger: createLogger('provider', 'silent'),
      verifier: new TokenVerifier(loadConfig(tokenVerifierSettings, {})),
    }),
    0,
    '127.0.0.1',
  );
});
afterEach(() => provider.close());

/** A provider client of a process that dies before (`before`) or after (`after`) its charge reaches the provider. */
class DyingClient extends PaymentProviderClient {
  charges = 0;
  constructor(private readonly dies: 'before' | 'after' | 'never') {
    super({ baseUrl: provider.url, timeoutMs: 5_000 });
  }
  override async charge(request: ChargeRequest) {
    this.charges += 1;
    if (this.dies === 'before') throw new ProviderUnavailableError('process died before the charge left');
    const outcome = await super.charge(request);
    if (this.dies === 'after') throw new ProviderUnavailableError('process died before the answer was recorded');
    return outcome;
  }
}

const orderId = 'o-in-doubt';
const placed = orderPlaced(orderId);
const reserved = received<'StockReserved'>('inventory-service', {
  orderId,
  lines: [{ sku: 'SKU-001', quantity: 1, unitPriceCents: 1_999 }],
  totalCents: 1_999,
  currency: 'EUR',
});
const cancelled = orderCancelled(orderId);

/** One payment process on the database: it handles events until its client dies. */
function paymentProcess(file: string | SqlDatabase, client: PaymentProviderClient) {
  return handlerHarness(
    PAYMENT_MIGRATIONS,
    (database) => ({ store: new SqlPaymentStore(database), provider: client }),
    file,
  );
}

async function chargesAtProvider(): Promise<{ status: string; refunded: boolean }[]> {
  const response = await fetch(`${provider.url}/v1/charges?idempotencyKey=${orderId}`);
  return (await response.json()) as { status: string; refunded: boolean }[];
}

/** Each call gives the next process (or instance) its database: all of them share one payment state. */
const engines: [string, () => Promise<() => Promise<string | SqlDatabase>>][] = [
  [
    'a SQLite file reopened by the restarted process',
    async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saga-payment-')), 'payment.sqlite');
      return () => Promise.resolve(file);
    },
  ],
  [
    'PostgreSQL, settled by another instance',
    async () => {
      const postgres = await testPostgres();
      return () => postgres.open('payment', PAYMENT_MIGRATIONS);
    },
  ],
];

describe.each(engines)('payment in doubt after a crash, on %s', (_engine, database) => {
  it('settles a charge made before the crash by lookup: one charge, no second call', async () => {
    const next = await database();
    const dying = paymentProcess(await next(), new DyingClient('after'));
    await dying.deliver('OrderPlaced', onOrderPlaced, placed);
    await expect(dying.deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow('process died');
    await dying.database.close();

    const successorClient = new DyingClient('never');
    const successor = paymentProcess(await next(), successorClient);
    await successor.deliver('StockReserved', onStockReserved, reserved);

    expect(successorClient.charges).toBe(0);
    expect(await chargesAtProvider()).toEqual([expect.objectContaining({ status: 'succeeded', refunded: false })]);
    expect(successor.emitted).toEqual(['PaymentCompleted']);
    expect(await successor.deps.store.get(orderId)).toMatchObject({ status: 'CHARGED' });
  });

  it('charges nothing for an order cancelled after an intent whose charge never left', async () => {
    const next = await database();
    const dying = paymentProcess(await next(), new DyingClient('before'));
    await dying.deliver('OrderPlaced', onOrderPlaced, placed);
    await expect(dying.deliver('StockReserved', onStockReserved, reserved)).rejects.toThrow('process died');
    await dying.database.close();

    const successor = paymentProcess(await next(), new DyingClient('never'));
    await successor.deliver('OrderCancelled', onOrderCancelled, cancelled);
    await successor.deliver('StockReserved', onStockReserved, reserved);

    expect(await chargesAtProvider()).toEqual([]);
    expect(successor.emitted).toEqual([]);
    expect(await successor.deps.store.get(orderId)).toMatchObject({ status: 'CANCELLED' });
  });
});
