// The handlers against the real SQLite store (in memory), run through the runtime's real unit of work
// (inbox, per-order lock, transaction, outbox): stock is conserved through reserve, release, sell and
// restock, also when orders for one sku race.
import { TestRuntime } from '../../../test/support/handler-context';
import {
  BusinessRuleError,
  newEnvelope,
  SqliteDatabase,
  type Body,
  type EventMap,
  type EventType,
  type OrderLine,
} from '@saga/shared';
import { sqliteSteps } from '../../../test/support/handler-context';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderConfirmed } from '../src/handlers/OrderConfirmed';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onRestockProduct } from '../src/handlers/RestockProduct';
import { addToCatalog } from '../src/domain/stock';
import { decideAndApply } from '../src/handlers/decide-and-apply';
import { INVENTORY_MIGRATIONS, SqlInventoryStore } from '../src/store';

let db: SqliteDatabase;
let store: SqlInventoryStore;
let runtime: TestRuntime;
/** Outbox rows written by the catalog seed, which the tests do not look at. */
let seeded: number;

function event<T extends EventType>(body: Body<T>, correlationId: string): EventMap[T] {
  return { envelope: newEnvelope('test', { correlationId, causationId: 'test' }), ...body } as EventMap[T];
}

const place = (orderId: string, ...items: OrderLine[]) =>
  runtime.deliver(
    'OrderPlaced',
    onOrderPlaced(store),
    event<'OrderPlaced'>(
      {
        orderId,
        customerId: 'c-1',
        items,
        paymentToken: 'tok_visa',
        shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
        giftMessage: null,
      },
      orderId,
    ),
  );
const cancel = (orderId: string) =>
  runtime.deliver(
    'OrderCancelled',
    onOrderCancelled(store),
    event<'OrderCancelled'>({ orderId, reason: 'PAYMENT_DECLINED' }, orderId),
  );
const confirm = (orderId: string) =>
  runtime.deliver(
    'OrderConfirmed',
    onOrderConfirmed(store),
    event<'OrderConfirmed'>({ orderId, totalCents: 0, currency: 'EUR' }, orderId),
  );
const restock = (sku: string, quantity: number) =>
  runtime.deliver('RestockProduct', onRestockProduct(store), event<'RestockProduct'>({ sku, quantity }, sku));

const emitted = async () => (await runtime.emitted()).slice(seeded);

const typesFor = async (orderId: string) =>
  (await emitted()).filter((e) => (e.body as { orderId?: string }).orderId === orderId).map((e) => e.type);

beforeEach(async () => {
  db = new SqliteDatabase(':memory:', sqliteSteps(INVENTORY_MIGRATIONS));
  store = new SqlInventoryStore(db);
  runtime = new TestRuntime(db);
  for (const [sku, stock] of [
    ['SKU-001', 10],
    ['SKU-005', 3],
  ] as const) {
    const entry = { sku, name: sku, unitPriceCents: 1_000, currency: 'EUR', stock };
    await runtime.act({ correlationId: sku, causationId: 'seed' }, (context) =>
      decideAndApply(store, context, async () => addToCatalog(await store.product(sku), entry)),
    );
  }
  seeded = (await runtime.emitted()).length;
});

afterEach(() => db.close());

describe('inventory handlers', () => {
  it('stores the reservation and emits StockReserved keyed by order and StockLevelChanged keyed by sku', async () => {
    await place('o-1', { sku: 'SKU-001', quantity: 2 }, { sku: 'SKU-005', quantity: 1 });

    expect(await store.reservation('o-1')).toMatchObject({
      status: 'RESERVED',
      lines: [{ sku: 'SKU-001' }, { sku: 'SKU-005' }],
    });
    expect(await store.product('SKU-001')).toMatchObject({ available: 8, reserved: 2, sold: 0 });
    expect((await emitted()).map(({ type, key }) => [type, key])).toEqual([
      ['StockReserved', 'o-1'],
      ['StockLevelChanged', 'SKU-001'],
      ['StockLevelChanged', 'SKU-005'],
    ]);
  });

  it('ignores a repeated OrderPlaced for an order whose reservation failed, even once stock is back', async () => {
    await place('o-1', { sku: 'SKU-005', quantity: 4 });
    await restock('SKU-005', 10);
    await place('o-1', { sku: 'SKU-005', quantity: 4 });

    expect(await store.reservation('o-1')).toMatchObject({ status: 'FAILED', failure: { reason: 'OUT_OF_STOCK' } });
    expect(await store.product('SKU-005')).toMatchObject({ available: 13, reserved: 0 });
    expect(await typesFor('o-1')).toEqual(['StockReservationFailed']);
  });

  it('releases on cancel and sells on confirm, each once, keeping available + reserved + sold constant', async () => {
    await place('o-1', { sku: 'SKU-001', quantity: 2 });
    await place('o-2', { sku: 'SKU-001', quantity: 3 });
    await cancel('o-1');
    await confirm('o-2');
    await cancel('o-1');
    await cancel('o-2');
    await confirm('o-1');

    expect(await store.product('SKU-001')).toMatchObject({ available: 7, reserved: 0, sold: 3 });
    expect(await typesFor('o-1')).toEqual(['StockReserved', 'StockReleased']);
    expect(await typesFor('o-2')).toEqual(['StockReserved', 'StockSold']);
  });

  it('never oversells when orders for one sku are handled concurrently', async () => {
    const orders = Array.from({ length: 10 }, (_, i) => `o-${i}`);

    await Promise.all(orders.map((orderId) => place(orderId, { sku: 'SKU-005', quantity: 1 })));
    await Promise.all(orders.slice(0, 5).map(confirm));
    await Promise.all(orders.slice(5).map(cancel));
    await restock('SKU-005', 4);

    const product = await store.product('SKU-005');
    expect(product).toMatchObject({ reserved: 0 });
    expect(product!.sold).toBeLessThanOrEqual(3);
    expect(product!.available + product!.reserved + product!.sold).toBe(3 + 4);
    const reservations = await Promise.all(orders.map((orderId) => store.reservation(orderId)));
    expect(reservations.filter((r) => r?.status !== 'FAILED')).toHaveLength(3);
  });

  it('dead-letters a restock of an unknown sku: BusinessRuleError, nothing written or emitted', async () => {
    await expect(restock('NOPE-999', 5)).rejects.toThrow(BusinessRuleError);

    expect(await store.product('NOPE-999')).toBeUndefined();
    expect(await emitted()).toEqual([]);
  });
});
