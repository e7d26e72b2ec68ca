// The gateway's CQRS read model: orders (status, prices, timeline) and stock levels, kept in its own
// SQLite file with the offsets it has applied (ProjectionStore). The topics stay the source of truth:
// the model can be rebuilt from them at any time with `make rebuild-read-model`, but a start does not
// replay them; it resumes after the last applied offset, so start-up time and memory do not grow with
// the number of orders. Applying a record twice changes nothing (an order's timeline is keyed by
// eventId; a stock level is the last one per sku), so resuming from an offset a crash left slightly
// behind is safe.
import type { PlaceOrder, StockLevelChanged } from '@saga/shared';
import { acceptOrder, applyOrderRecord, isPlaced, type LogPosition, type OrderRecord, type OrderState } from './orders';
import { productOf, type ProductState } from './stock';
import { ProjectionStore } from './store';

export class ReadModel {
  constructor(readonly store: ProjectionStore = new ProjectionStore(':memory:')) {}

  applyOrderRecord(record: OrderRecord, at: LogPosition): void {
    const { orderId } = record.event;
    this.store.putOrder(applyOrderRecord(this.store.order(orderId), record, at));
  }

  acceptOrder(command: PlaceOrder): void {
    this.store.putOrder(acceptOrder(this.store.order(command.orderId), command));
  }

  applyStockLevel(event: StockLevelChanged): void {
    this.store.putProduct(productOf(event));
  }

  /** A placed order; records about an order whose placement was not read yet do not make it visible. */
  order(orderId: string): (OrderState & { customerId: string }) | undefined {
    const order = this.store.order(orderId);
    return isPlaced(order) ? order : undefined;
  }

  product(sku: string): ProductState | undefined {
    return this.store.product(sku);
  }

  /** Every product, by sku. */
  allProducts(): ProductState[] {
    return this.store.products();
  }
}
