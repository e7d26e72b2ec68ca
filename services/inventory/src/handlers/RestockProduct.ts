// An operator adds stock to a known product; an unknown sku or a non-positive quantity is dead-lettered.
import type { ServiceHandler } from '@saga/shared';
import { restock } from '../domain/stock';
import type { InventoryStore } from '../store';
import { decideAndApply } from './decide-and-apply';

export const onRestockProduct =
  (store: InventoryStore): ServiceHandler<'RestockProduct'> =>
  async (event, context) => {
    await decideAndApply(
      store,
      context,
      async () => restock(await store.product(event.sku), event.sku, event.quantity),
      context.log,
    );
  };
