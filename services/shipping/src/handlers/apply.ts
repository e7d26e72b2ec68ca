// Drives an order's shipment to rest, then commits it: makes the carrier calls the domain asks for, then
// writes the final state and its events in one transaction (via the outbox). The calls come first: if the
// process dies before the commit, the event is redelivered and the booking repeated under the same
// idempotency key, which the carrier answers with the first booking, so nothing ships twice.
import type { HandlerContext } from '@saga/shared';
import {
  afterBooking,
  afterCancellation,
  nextStep,
  type Emission,
  type Shipment,
  type Transition,
} from '../domain/shipment';
import type { Carrier } from '../carrier-client';
import type { ShipmentStore } from '../store';

export interface ShippingDeps {
  store: ShipmentStore;
  carrier: Carrier;
}

export async function applyChange(
  changed: Shipment,
  { store, carrier }: ShippingDeps,
  context: Pick<HandlerContext, 'commit' | 'emit' | 'log'>,
): Promise<void> {
  let shipment = changed;
  const emitted: Emission[] = [];
  // Each step moves the status forward (BOOKING -> SCHEDULED -> CANCELLED), so this ends within two calls.
  for (let step = nextStep(shipment); step.kind !== 'rest'; step = nextStep(shipment)) {
    let transition: Transition;
    if (step.kind === 'book') {
      // BOOKING is on disk before the call: if the answer is lost and OrderCancelled comes before the
      // retry, the cancel settles the booking that may exist and cancels it, rather than forgetting it.
      await store.saveBeforeCall(step.shipment);
      transition = afterBooking(step, await carrier.book(step.request), Date.now());
    } else {
      await carrier.cancel(step.shipmentId);
      transition = afterCancellation(step, Date.now());
    }
    shipment = transition.shipment;
    emitted.push(...transition.emit);
  }
  await context.commit(async () => {
    await store.save(shipment);
    for (const { type, body } of emitted) context.emit(type, body as never);
  });
  context.log.info({ status: shipment.status, emitted: emitted.map((e) => e.type) }, 'shipment updated');
}
