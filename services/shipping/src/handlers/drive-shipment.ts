// Drives an order's shipment to rest through the shared provider step runner: the domain says which
// call comes next (book, settle a booking in doubt by lookup, cancel), this file says how each call is
// made and recorded. BOOKING is committed before a booking, so whoever handles the order next (a
// retry, OrderCancelled) settles it by looking it up under its idempotency key.
import { runProviderSteps, type HandlerContext, type ProviderCall, type StepDriver } from '@saga/shared';
import {
  afterBooking,
  afterCancellation,
  afterLookup,
  nextStep,
  type Shipment,
  type Transition,
} from '../domain/shipment';
import type { Carrier } from '../carrier-client';
import type { ShipmentStore } from '../store';

export interface ShippingDeps {
  store: ShipmentStore;
  carrier: Carrier;
}

const result = ({ shipment, emit }: Transition) => ({ state: shipment, emit });

function shipmentDriver({ store, carrier }: ShippingDeps): StepDriver<Shipment> {
  return {
    next(shipment): ProviderCall<Shipment> | undefined {
      const step = nextStep(shipment);
      switch (step.kind) {
        case 'book':
          return {
            intent: step.shipment,
            perform: async () => result(afterBooking(step, await carrier.book(step.request), Date.now())),
          };
        case 'settle':
          return {
            perform: async () =>
              result(afterLookup(step, await carrier.findBooking(step.request.idempotencyKey), Date.now())),
          };
        case 'cancel':
          // Idempotent at the carrier (a cancelled shipment stays cancelled), so a repeat is harmless.
          return {
            perform: async () => {
              await carrier.cancel(step.shipmentId);
              return result(afterCancellation(step, Date.now()));
            },
          };
        case 'rest':
          return undefined;
      }
    },
    saveIntent: (shipment) => store.saveBeforeCall(shipment),
    save: (shipment) => store.save(shipment),
  };
}

export async function driveShipment(
  changed: Shipment,
  deps: ShippingDeps,
  context: Pick<HandlerContext, 'commit' | 'emit' | 'log'>,
): Promise<void> {
  const { state, emit } = await runProviderSteps(changed, shipmentDriver(deps), context);
  context.log.info({ status: state.status, emitted: emit.map((e) => e.type) }, 'shipment updated');
}
