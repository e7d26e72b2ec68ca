// Reserve every line of a new order at the catalog's prices, or none of them (StockReservationFailed).
import type { ServiceHandler } from '@saga/shared';
import { reserve } from '../domain/reservation';
import type { InventoryStore } from '../store';
import { decideAndApply } from './decide-and-apply';

export const onOrderPlaced =
  (store: InventoryStore): ServiceHandler<'OrderPlaced'> =>
  async (event, context) => {
    await decideAndApply(
      store,
      context,
      async () =>
        reserve(
          await store.reservation(event.orderId),
          event,
          await store.products(event.items.map((line) => line.sku)),
          Date.now(),
        ),
      context.log,
    );
  };
