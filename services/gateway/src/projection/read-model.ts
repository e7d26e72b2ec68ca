// The gateway's CQRS read model: orders (status, prices, timeline) and stock levels, in memory.
// Why in memory: it is disposable. The topics are the source of truth, so every start rebuilds it
// by replaying them from the beginning in a consumer group of its own (see projector.ts); no store to
// migrate or keep consistent with the log. The price: start-up time and memory grow with what the
// topics retain (7 days of order events; inventory.stock is compacted), and /ready stays 503 until
// the replay has caught up.
import type { PlaceOrder, StockLevelChanged } from '@saga/shared';
import { acceptOrder, applyOrderRecord, isPlaced, type LogPosition, type OrderRecord, type OrderState } from './orders';
import { productOf, type ProductState } from './stock';

export class ReadModel {
  private readonly orders = new Map<string, OrderState>();
  private readonly products = new Map<string, ProductState>();

  applyOrderRecord(record: OrderRecord, at: LogPosition): void {
    const { orderId } = record.event;
    this.orders.set(orderId, applyOrderRecord(this.orders.get(orderId), record, at));
  }

  acceptOrder(command: PlaceOrder): void {
    this.orders.set(command.orderId, acceptOrder(this.orders.get(command.orderId), command));
  }

  applyStockLevel(event: StockLevelChanged): void {
    this.products.set(event.sku, productOf(event));
  }

  /** A placed order; records about an order whose placement was not read yet do not make it visible. */
  order(orderId: string): (OrderState & { customerId: string }) | undefined {
    const order = this.orders.get(orderId);
    return isPlaced(order) ? order : undefined;
  }

  product(sku: string): ProductState | undefined {
    return this.products.get(sku);
  }

  /** Every product, by sku. */
  allProducts(): ProductState[] {
    return [...this.products.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }
}
