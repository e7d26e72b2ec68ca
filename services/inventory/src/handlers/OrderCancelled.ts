// Compensation: a cancelled order's reserved stock becomes available again (StockReleased).
import type { ServiceHandler } from '@saga/shared';
import { release } from '../domain/reservation';
import type { InventoryStore } from '../store';
import { decideAndApply } from './apply';

export const onOrderCancelled =
  (store: InventoryStore): ServiceHandler<'OrderCancelled'> =>
  async (event, context) => {
    await decideAndApply(
      store,
      context,
      async () => {
        const reservation = await store.reservation(event.orderId);
        const products = await store.products(reservation?.lines.map((line) => line.sku) ?? []);
        return release(reservation, products, Date.now());
      },
      context.log,
    );
  };
