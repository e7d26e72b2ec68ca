// The event store on a real SQLite database (in memory), driven through the runtime's real unit of work
// (inbox, per-order lock, transaction): the stream is the outbox, nothing the relay publishes is lost
// from the history, and an order stored by the state-based version survives the upgrade.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestRuntime } from '../../../test/support/handler-context';
import { ConcurrentAppendError, SqliteDatabase } from '@saga/shared';
import { MESSAGING_MIGRATIONS, sqliteSteps } from '../../../test/support/handler-context';
import { DeadlineWatcher } from '../src/deadline';
import { EventStoreOutbox } from '../src/event-store-outbox';
import { onPlaceOrder } from '../src/handlers/PlaceOrder';
import { onShipmentScheduled } from '../src/handlers/ShipmentScheduled';
import { onStockReserved } from '../src/handlers/StockReserved';
import { historyOf } from '../src/history';
import { ORDER_MIGRATIONS, SqlOrderStore } from '../src/store';
import { placeOrder, shipmentScheduled, stockReserved } from './support/order-records';

const TIMEOUT_MS = 30_000;
let db: SqliteDatabase;
let store: SqlOrderStore;
let outbox: EventStoreOutbox;
let runtime: TestRuntime;

function open(database: SqliteDatabase): void {
  db = database;
  store = new SqlOrderStore(db, TIMEOUT_MS);
  outbox = new EventStoreOutbox(db);
  runtime = new TestRuntime(db, outbox);
}

beforeEach(() => open(new SqliteDatabase(':memory:', sqliteSteps(ORDER_MIGRATIONS))));
afterEach(() => db.close());

async function confirmedOrder(orderId: string) {
  await runtime.deliver('PlaceOrder', onPlaceOrder(store), placeOrder(orderId));
  const reserved = stockReserved(orderId);
  await runtime.deliver('StockReserved', onStockReserved(store), reserved);
  const scheduled = shipmentScheduled(orderId);
  await runtime.deliver('ShipmentScheduled', onShipmentScheduled(store), scheduled);
  return { reserved, scheduled };
}

describe('the order event store', () => {
  it('holds every fact of the order, and relays its own events from the same rows', async () => {
    const { reserved, scheduled } = await confirmedOrder('o-1');

    const stream = await store.load('o-1');
    expect(stream.events.map((e) => [e.version, e.event.type, e.topic])).toEqual([
      [1, 'OrderPlaced', 'order.events'],
      [2, 'StockReserved', null],
      [3, 'ShipmentScheduled', null],
      [4, 'OrderConfirmed', 'order.events'],
    ]);
    expect(stream.state).toMatchObject({ status: 'CONFIRMED', totalCents: 1_999, shipped: true });
    // Accepted facts keep the eventId they have on their own topic.
    expect(stream.events[1]!.eventId).toBe(reserved.envelope.eventId);
    expect(stream.events[2]!.eventId).toBe(scheduled.envelope.eventId);
    // What the relay sends is those rows: same ids, same order.
    const pending = await outbox.pending(100);
    expect(pending.map((r) => [r.eventId, r.eventType])).toEqual([
      [stream.events[0]!.eventId, 'OrderPlaced'],
      [stream.events[3]!.eventId, 'OrderConfirmed'],
    ]);
  });

  it('keeps published events in the stream: publishing marks them, never deletes them', async () => {
    await confirmedOrder('o-1');

    const ids = (await outbox.pending(100)).map((r) => r.id);
    await db.transaction(() => outbox.published(ids));

    expect(await outbox.unpublished()).toBe(0);
    expect(await outbox.pending(100)).toEqual([]);
    expect((await store.load('o-1')).events).toHaveLength(4);
    expect(() => db.db.prepare('DELETE FROM order_events').run()).toThrow('append-only');
    expect(() => db.db.prepare(`UPDATE order_events SET payload = '{}'`).run()).toThrow('append-only');
  });

  it('appends nothing for a redelivered event', async () => {
    const { reserved } = await confirmedOrder('o-1');

    await runtime.deliver('StockReserved', onStockReserved(store), reserved);

    expect((await store.load('o-1')).version).toBe(4);
  });

  it('refuses an append decided on a stale version, as a retriable error', async () => {
    await runtime.deliver('PlaceOrder', onPlaceOrder(store), placeOrder('o-1'));
    const stale = await store.load('o-1');
    await runtime.deliver('StockReserved', onStockReserved(store), stockReserved('o-1'));

    const append = db.transaction(() =>
      store.append(stale, [
        { event: { type: 'OrderCancelled', body: { orderId: 'o-1', reason: 'TIMED_OUT' } }, eventId: 'e-stale' },
      ]),
    );

    await expect(append).rejects.toBeInstanceOf(ConcurrentAppendError);
    await expect(append).rejects.toMatchObject({ retriable: true });
    expect((await store.load('o-1')).version).toBe(2);
  });

  it('shows the state after each event and at an earlier version', async () => {
    await confirmedOrder('o-1');
    const stream = await store.load('o-1');

    const atTwo = historyOf(stream, 2);

    expect(atTwo?.events.map((e) => [e.version, e.type, e.state.totalCents])).toEqual([
      [1, 'OrderPlaced', null],
      [2, 'StockReserved', 1_999],
    ]);
    expect(atTwo).toMatchObject({ version: 2, latestVersion: 4, state: { status: 'PENDING' } });
    expect(historyOf(stream, 5)).toBeUndefined();
  });

  it('times out a PENDING order from the deadline projection, and forgets the deadline once it is settled', async () => {
    await runtime.deliver('PlaceOrder', onPlaceOrder(store), placeOrder('late'));
    await confirmedOrder('on-time');
    const log = { warn: () => undefined, error: () => undefined } as never;
    const watcher = new DeadlineWatcher(store, runtime as never, log);

    await watcher.sweep(Date.now() + TIMEOUT_MS + 1);

    expect((await store.load('late')).state).toMatchObject({ status: 'CANCELLED', cancellationReason: 'TIMED_OUT' });
    expect((await store.load('on-time')).state?.status).toBe('CONFIRMED');
    expect(await store.overdue(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });
});

describe('upgrading from the state-based order store', () => {
  it('carries every stored order over as its stream, with its deadline and its unpublished events', async () => {
    db.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'order-upgrade-')), 'order.sqlite');
    const legacy = new SqliteDatabase(file, [...MESSAGING_MIGRATIONS.sqlite, ...ORDER_MIGRATIONS.sqlite.slice(0, 2)]);
    legacy.db.exec(`
      INSERT INTO orders (order_id, customer_id, items, status, cancellation_reason, total_cents, currency,
                          created_at, updated_at, deadline_at, shipped)
      VALUES ('old-pending', 'c-1', '[{"sku":"SKU-001","quantity":2}]', 'PENDING', NULL, 3998, 'EUR', 1000, 1500, 31000, 1),
             ('old-cancelled', 'c-2', '[{"sku":"SKU-002","quantity":1}]', 'CANCELLED', 'OUT_OF_STOCK', NULL, NULL, 900, 950, 30900, 0);
      INSERT INTO outbox (event_id, event_type, topic, key, value, headers, created_at)
      VALUES ('e-unsent', 'OrderCancelled', 'order.events', 'old-cancelled', x'00', '{}', 950);
    `);
    legacy.close();
    // Reopening the file applies migration 3, as the new version of the service does at start.
    open(new SqliteDatabase(file, sqliteSteps(ORDER_MIGRATIONS)));

    expect((await store.load('old-pending')).state).toEqual({
      orderId: 'old-pending',
      customerId: 'c-1',
      items: [{ sku: 'SKU-001', quantity: 2 }],
      status: 'PENDING',
      cancellationReason: null,
      totalCents: 3_998,
      currency: 'EUR',
      shipped: true,
      createdAt: 1_000,
      updatedAt: 1_500,
    });
    expect((await store.load('old-cancelled')).state).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'OUT_OF_STOCK',
      shipped: false,
    });
    expect((await store.load('old-cancelled')).version).toBe(1);
    expect(await store.overdue(31_000, 10)).toEqual(['old-pending']);
    expect((await outbox.pending(10)).map((r) => r.eventId)).toEqual(['e-unsent']);
    // The imported order goes on as any other: the next event is version 2.
    await runtime.deliver('StockReserved', onStockReserved(store), stockReserved('old-pending'));
    expect((await store.load('old-pending')).state?.status).toBe('CONFIRMED');
  });
});
