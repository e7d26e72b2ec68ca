// What the read model's store guarantees, on whichever engine `engine` opens: a fetched batch is one
// commit, a record's state and its applied offset land together or not at all (so a crash can only make
// the projection read again), and a restart resumes after what was committed. Run by
// projection-store.component.test.ts on SQLite and projection-store.int.test.ts on PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '@saga/shared';
import type { ProjectedRecord } from '../src/projection/read-model';
import { ReadModel } from '../src/projection/read-model';
import { ProjectionStore } from '../src/projection/store';
import type { TestEngine } from './engines';
import { orderRecord, projected, record, stockLevel, validOrder } from './helpers';

function placement(orderId: string) {
  const { customerId, items, shippingAddress } = validOrder();
  return record('PlaceOrder', {
    orderId,
    customerId,
    items,
    shippingAddress,
    paymentToken: 'tok_visa',
    giftMessage: null,
  });
}

/** PlaceOrder records of new orders at `offsets` of partition 2 of order.commands. */
function placements(offsets: readonly number[]): ProjectedRecord[] {
  return offsets.map((offset) =>
    projected(orderRecord('PlaceOrder', placement(`order-${offset}`)), {
      topic: 'order.commands',
      partition: 2,
      offset,
    }),
  );
}

/** Makes `db` fail the statements that `matches` picks, as a full disk or a lost connection would. */
function failing(db: SqlDatabase, matches: (sql: string) => boolean): void {
  const run = db.run.bind(db);
  jest
    .spyOn(db, 'run')
    .mockImplementation((sql, params) => (matches(sql) ? Promise.reject(new Error('write failed')) : run(sql, params)));
}

export function describeProjectionStore(engine: TestEngine): void {
  describe(`the read model's store on ${engine.name}`, () => {
    let db: SqlDatabase;
    let store: ProjectionStore;
    let readModel: ReadModel;
    /** The store as the next gateway start finds it. */
    const restarted = async () => {
      const reopened = new ProjectionStore((await engine.open()).readModel);
      await reopened.loadOffsets();
      return reopened;
    };

    beforeEach(async () => {
      await engine.reset();
      db = (await engine.open()).readModel;
      store = new ProjectionStore(db);
      await store.loadOffsets();
      readModel = new ReadModel(store);
    });
    afterEach(() => engine.closeAll());

    it('When a fetched batch is applied, Then one commit holds all of it, and a restart resumes after it', async () => {
      const commits = jest.spyOn(db, 'commitGroup');

      await readModel.apply(placements(Array.from({ length: 300 }, (_, i) => 100 + i)));

      expect(commits).toHaveBeenCalledTimes(1);
      const afterRestart = await restarted();
      expect(afterRestart.nextOffset('order.commands', 2)).toBe(400);
      expect((await afterRestart.order('order-399'))?.customerId).toBe(validOrder().customerId);
    });

    it('When the offsets of a batch cannot be written, Then its states are not stored either', async () => {
      failing(db, (sql) => sql.includes('applied_offsets'));

      await expect(readModel.apply(placements([7, 8]))).rejects.toThrow('write failed');

      expect(await (await restarted()).order('order-7')).toBeUndefined();
    });

    it('When the states of a batch cannot be written, Then its offsets are not stored, nor used in memory', async () => {
      await readModel.apply(placements([5]));
      failing(db, (sql) => sql.startsWith('INSERT INTO orders'));

      await expect(readModel.apply(placements([6, 7]))).rejects.toThrow('write failed');

      // In memory too: a partition assigned again now must resume at the record not applied.
      expect(store.nextOffset('order.commands', 2)).toBe(6);
      expect((await restarted()).nextOffset('order.commands', 2)).toBe(6);
    });

    it('When a record is done without a batch applying it, Then its offset is stored and a restart resumes after it', async () => {
      await readModel.apply(placements([10]));

      // Records 11 and 12: another type on a shared topic, or a dead-lettered one.
      const written = store.applied('order.commands', 2, 11);
      expect(store.applied('order.commands', 2, 12)).toBeUndefined(); // rides on the write queued for 11
      await written;

      expect((await restarted()).nextOffset('order.commands', 2)).toBe(13);
      expect(store.applied('order.commands', 2, 12)).toBeUndefined(); // stored already: nothing to write
    });

    it('When stopped with offsets pending, Then flush stores them', async () => {
      failing(db, (sql) => sql.includes('applied_offsets'));
      await expect(store.applied('order.events', 1, 7)).rejects.toThrow('write failed');
      jest.restoreAllMocks();

      await store.flush();

      expect((await restarted()).nextOffset('order.events', 1)).toBe(8);
    });

    it('When an accepted order and the projection of its PlaceOrder are written at once, Then neither is lost', async () => {
      const orderIds = Array.from({ length: 50 }, () => randomUUID());

      await Promise.all(
        orderIds.flatMap((orderId, offset) => {
          const command = placement(orderId);
          const read = projected(orderRecord('PlaceOrder', command), { topic: 'order.commands', partition: 0, offset });
          return [readModel.acceptOrder(command), readModel.apply([read])];
        }),
      );

      for (const orderId of orderIds) {
        const order = await readModel.order(orderId);
        expect(order?.timeline.map((entry) => entry.type)).toEqual(['PlaceOrder']);
      }
    });

    it('shows an order only once its placement was read, and the same order after a redelivery', async () => {
      const orderId = 'order-early';
      const lines = [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1999 }];
      const reserved = record(
        'StockReserved',
        { orderId, lines, totalCents: 3998, currency: 'EUR' },
        { occurredAt: Date.UTC(2025, 0, 1, 12, 0, 1) }, // after the placement's
      );
      await readModel.apply([
        projected(orderRecord('StockReserved', reserved), { topic: 'inventory.events', partition: 0, offset: 0 }),
      ]);
      expect(await readModel.order(orderId)).toBeUndefined();

      const placed = projected(orderRecord('PlaceOrder', placement(orderId)), {
        topic: 'order.commands',
        partition: 0,
        offset: 0,
      });
      await readModel.apply([placed, placed]);

      expect((await readModel.order(orderId))?.timeline.map((entry) => entry.type)).toEqual([
        'PlaceOrder',
        'StockReserved',
      ]);
    });

    it("When an order's record carries a trace id, Then the order keeps it across a restart", async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const [placed] = placements([3]);
      await readModel.apply([{ ...placed!, traceId }]);

      expect((await (await restarted()).order('order-3'))?.traceId).toBe(traceId);
    });

    it('When a state was stored before orders had a trace id, Then it reads back without one', async () => {
      await readModel.apply(placements([4]));
      const { traceId, ...before } = (await store.order('order-4'))!;
      expect(traceId).toBeNull();
      await db.run('UPDATE orders SET state = ? WHERE order_id = ?', [JSON.stringify(before), 'order-4']);

      const order = await (await restarted()).order('order-4');
      expect(order).toMatchObject({ orderId: 'order-4', status: 'PENDING' });
      expect(order?.traceId ?? null).toBeNull();
    });

    it('keeps the latest stock level per sku and lists products by sku', async () => {
      const level = (sku: string, name: string, available: number) =>
        stockLevel(
          record('StockLevelChanged', {
            sku,
            name,
            unitPriceCents: 850,
            currency: 'EUR',
            available,
            reserved: 1,
            sold: 0,
          }),
        );

      await readModel.apply([level('SKU-002', 'Mug', 10), level('SKU-002', 'Mug', 7)]);
      await readModel.apply([level('SKU-001', 'Pen', 3)]);

      expect(await readModel.product('SKU-002')).toMatchObject({ available: 7, reserved: 1, unitPriceCents: 850 });
      expect((await readModel.allProducts()).map((product) => product.sku)).toEqual(['SKU-001', 'SKU-002']);
    });

    it('When cleared for a rebuild, Then orders, products and offsets are gone, and the store is empty', async () => {
      await readModel.apply(placements([1]));
      expect(await store.isEmpty()).toBe(false);

      await store.clear();

      expect(await store.isEmpty()).toBe(true);
      expect(store.nextOffset('order.commands', 2)).toBeUndefined();
      expect(await store.order('order-1')).toBeUndefined();
      expect((await restarted()).nextOffset('order.commands', 2)).toBeUndefined();
    });
  });
}
