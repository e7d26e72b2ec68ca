// The last step succeeded: confirm, unless the order was cancelled meanwhile (then shipping cancels).
import type { ServiceHandler } from '@saga/shared';
import { confirm } from '../domain/order';
import type { OrderStore } from '../store';
import { applyDecision } from './commit-decision';

export const onShipmentScheduled =
  (store: OrderStore): ServiceHandler<'ShipmentScheduled'> =>
  async (event, context) =>
    applyDecision(confirm(await store.get(event.orderId), Date.now()), store, context, context.log);
