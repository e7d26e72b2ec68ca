// Compensation: a cancelled order's reserved stock becomes available again (StockReleased).
import type { ServiceHandler } from '@saga/shared';
import { release } from '../domain/reservation';
import type { InventoryStore } from '../store';
import { settleReservation } from './decide-and-apply';

export const onOrderCancelled =
  (store: InventoryStore): ServiceHandler<'OrderCancelled'> =>
  async (event, context) => {
    await settleReservation(store, event.orderId, context, release);
  };
