// Two instances of the order service on one PostgreSQL schema, each with its own connections, lock and
// runtime, as after a rebalance: when both append to one order's stream at once, one wins and the other
// fails with ConcurrentAppendError (retriable) and, delivered again, decides on the new state; and an
// overdue order is timed out once, however many instances sweep for deadlines.
import { TestRuntime } from '../../../test/support/handler-context';
import { testPostgres } from '../../../test/support/postgres';
import { ConcurrentAppendError, createLogger } from '@saga/shared';
import { DeadlineWatcher } from '../src/deadline';
import { EventStoreOutbox } from '../src/event-store-outbox';
import { onCancelOrder } from '../src/handlers/CancelOrder';
import { onPlaceOrder } from '../src/handlers/PlaceOrder';
import { onStockReserved } from '../src/handlers/StockReserved';
import { ORDER_MIGRATIONS, SqlOrderStore, type NewEvent, type OrderStream } from '../src/store';
import { cancelOrder, placeOrder, stockReserved } from './support/order-records';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds its transaction open after appending, so that another instance's append overlaps it. */
class SlowAppendStore extends SqlOrderStore {
  override async append(stream: OrderStream, events: readonly NewEvent[]) {
    const after = await super.append(stream, events);
    await sleep(300);
    return after;
  }
}

async function instances(timeoutMs = 30_000) {
  const postgres = await testPostgres();
  const instance = async (Store: typeof SqlOrderStore) => {
    const db = await postgres.open('order', ORDER_MIGRATIONS);
    const store = new Store(db, timeoutMs);
    return { store, runtime: new TestRuntime(db, new EventStoreOutbox(db)) };
  };
  return [await instance(SlowAppendStore), await instance(SqlOrderStore)] as const;
}

describe('the order service with two instances on PostgreSQL', () => {
  it('lets one of two concurrent appends to a stream win, and the other decide again on the new state', async () => {
    const [a, b] = await instances();
    await a.runtime.deliver('PlaceOrder', onPlaceOrder(a.store), placeOrder('o-1'));

    const slow = a.runtime.deliver('StockReserved', onStockReserved(a.store), stockReserved('o-1'));
    await sleep(100); // A has appended version 2 and holds its transaction open
    const cancel = cancelOrder('o-1');
    await expect(b.runtime.deliver('CancelOrder', onCancelOrder(b.store), cancel)).rejects.toBeInstanceOf(
      ConcurrentAppendError,
    );
    await slow;
    await b.runtime.deliver('CancelOrder', onCancelOrder(b.store), cancel); // the redelivery after the backoff

    const stream = await b.store.load('o-1');
    expect(stream.events.map((e) => [e.version, e.event.type])).toEqual([
      [1, 'OrderPlaced'],
      [2, 'StockReserved'],
      [3, 'OrderCancelled'],
    ]);
  });

  it('times an overdue order out once when every instance sweeps for deadlines', async () => {
    const [a, b] = await instances(1);
    await a.runtime.deliver('PlaceOrder', onPlaceOrder(a.store), placeOrder('o-2'));
    await sleep(10);
    const logger = createLogger('deadline', 'silent');
    const sweeps = [new DeadlineWatcher(a.store, a.runtime, logger), new DeadlineWatcher(b.store, b.runtime, logger)];

    await Promise.all(sweeps.map((watcher) => watcher.sweep()));

    const stream = await b.store.load('o-2');
    expect(stream.events.map((e) => e.event.type)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(stream.state).toMatchObject({ status: 'CANCELLED', cancellationReason: 'TIMED_OUT' });
    expect(await b.store.overdue(Date.now(), 10)).toEqual([]);
  });
});
