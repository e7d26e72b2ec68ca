// A new order starts PENDING with a deadline, and OrderPlaced starts the saga.
import type { ServiceHandler } from '@saga/shared';
import { place } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './commit-decision';

export const onPlaceOrder =
  (store: OrderStore, timeoutMs: number): ServiceHandler<'PlaceOrder'> =>
  async (event, context) =>
    applyDecision(place(await store.get(event.orderId), event, Date.now(), timeoutMs), store, context, context.log);
