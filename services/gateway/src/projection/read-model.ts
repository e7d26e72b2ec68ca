// The gateway's CQRS read model: orders (status, prices, timeline) and stock levels, stored with the
// offsets it has applied (ProjectionStore). The topics stay the source of truth: the model can be
// rebuilt from them at any time with `make rebuild-read-model`, but a start does not replay them; it
// resumes after the last applied offset, so start-up time and memory do not grow with the number of
// orders. Applying a record twice changes nothing (an order's timeline is keyed by eventId; a stock
// level is the last one per sku), so resuming from an offset a crash left slightly behind is safe.
import type { PlaceOrder, StockLevelChanged } from '@saga/shared';
import { acceptOrder, applyOrderRecord, isPlaced, type LogPosition, type OrderRecord, type OrderState } from './orders';
import { productOf, type ProductState } from './stock';
import type { ProjectionStore } from './store';

/** A consumed record as the read model applies it: what it says, where it was read, and its trace. */
export type ProjectedRecord = (OrderRecord | { type: 'StockLevelChanged'; event: StockLevelChanged }) & {
  at: LogPosition;
  /** From the record's `traceparent` header, when it has a valid one. */
  traceId?: string;
};

export class ReadModel {
  constructor(readonly store: ProjectionStore) {}

  /**
   * Applies `records` (one partition's fetched batch, in offset order) in one write with their applied
   * offsets: one read of the orders they touch, their new states put together, one commit for all.
   */
  apply(records: readonly ProjectedRecord[]): Promise<void> {
    const orderIds = new Set(
      records.flatMap((record) => (record.type === 'StockLevelChanged' ? [] : [record.event.orderId])),
    );
    return this.store.write(
      async () => {
        const stored = await this.store.orders([...orderIds]);
        const orders = new Map<string, OrderState>();
        const products = new Map<string, ProductState>();
        for (const record of records) {
          if (record.type === 'StockLevelChanged') {
            products.set(record.event.sku, productOf(record.event));
            continue;
          }
          const { orderId } = record.event;
          const before = orders.get(orderId) ?? stored.get(orderId);
          const after = applyOrderRecord(before, record, record.at, record.traceId);
          if (after !== before) orders.set(orderId, after); // a redelivered event returns the state unchanged
        }
        await this.store.putOrders([...orders.values()]);
        await this.store.putProducts([...products.values()]);
      },
      records.map((record) => record.at),
    );
  }

  /** The order this gateway just published, readable before its PlaceOrder comes back (acceptOrder). */
  acceptOrder(command: PlaceOrder): Promise<void> {
    return this.store.write(async () => {
      const stored = await this.store.orders([command.orderId]);
      await this.store.putOrders([acceptOrder(stored.get(command.orderId), command)]);
    });
  }

  /** A placed order; records about an order whose placement was not read yet do not make it visible. */
  async order(orderId: string): Promise<(OrderState & { customerId: string }) | undefined> {
    const order = await this.store.order(orderId);
    return isPlaced(order) ? order : undefined;
  }

  product(sku: string): Promise<ProductState | undefined> {
    return this.store.product(sku);
  }

  /** Every product, by sku. */
  allProducts(): Promise<ProductState[]> {
    return this.store.products();
  }
}
