// The saga succeeded: the order's reserved stock is sold (StockSold).
import type { ServiceHandler } from '@saga/shared';
import { sell } from '../domain/reservation';
import type { InventoryStore } from '../store';
import { settleReservation } from './decide-and-apply';

export const onOrderConfirmed =
  (store: InventoryStore): ServiceHandler<'OrderConfirmed'> =>
  async (event, context) => {
    await settleReservation(store, event.orderId, context, sell);
  };
