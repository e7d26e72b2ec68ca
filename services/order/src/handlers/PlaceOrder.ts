// A new order starts PENDING (its deadline starts with it), and OrderPlaced starts the saga.
import type { ServiceHandler } from '@saga/shared';
import { place } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './apply-decision';

export const onPlaceOrder =
  (store: OrderStore): ServiceHandler<'PlaceOrder'> =>
  async (event, context) =>
    applyDecision(store, event.orderId, (order) => place(order, event), context, context.log);
