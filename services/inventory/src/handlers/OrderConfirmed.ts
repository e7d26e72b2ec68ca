// The saga succeeded: the order's reserved stock is sold (StockSold).
import type { ServiceHandler } from '@saga/shared';
import { sell } from '../domain/reservation';
import type { InventoryStore } from '../store';
import { decideAndApply } from './apply';

export const onOrderConfirmed =
  (store: InventoryStore): ServiceHandler<'OrderConfirmed'> =>
  async (event, context) => {
    await decideAndApply(
      store,
      context,
      async () => {
        const reservation = await store.reservation(event.orderId);
        const products = await store.products(reservation?.lines.map((line) => line.sku) ?? []);
        return sell(reservation, products, Date.now());
      },
      context.log,
    );
  };
