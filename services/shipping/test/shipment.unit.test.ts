// The shipment's own decisions, given/when/then, without I/O: when it books, with what, what the
// carrier's answers mean and what cancelling is. The lifecycle they run in (a booking in doubt looked
// up, nothing reported after a cancellation, …) is tested once, in shared/test/provider-call.unit.test.ts.
import type { CallStep } from '@saga/shared';
import {
  addressKnown,
  paid,
  shipmentLifecycle as lifecycle,
  type Booking,
  type BookingOutcome,
  type Shipment,
} from '../src/domain/shipment';

const address = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
const items = [{ sku: 'SKU-001', quantity: 2 }];
const placed = { orderId: 'o-1', shippingAddress: address, items, giftMessage: null };
const booked: BookingOutcome = { kind: 'booked', shipmentId: 'shp_1', carrier: 'FakeEx', trackingNumber: 'FX1' };
const refused: BookingOutcome = { kind: 'refused', reason: 'undeliverable_address' };

function expectStep<K extends CallStep<Booking>['kind']>(step: CallStep<Booking>, kind: K) {
  expect(step.kind).toBe(kind);
  return step as Extract<CallStep<Booking>, { kind: K }>;
}

const bookStep = () => expectStep(lifecycle.nextStep(paid(addressKnown(undefined, placed, 1), 'o-1', 2)), 'call');

function scheduledShipment(): Shipment {
  return lifecycle.afterCall(bookStep(), booked, 3).state;
}

describe('shipment decisions', () => {
  it('books once both the address and the payment are known, whichever came first', () => {
    const request = { idempotencyKey: 'o-1', address, items };

    expect(lifecycle.nextStep(addressKnown(undefined, placed, 1))).toEqual({ kind: 'rest' });
    expect(lifecycle.nextStep(paid(undefined, 'o-1', 1))).toEqual({ kind: 'rest' });
    expect(bookStep()).toMatchObject({ state: { status: 'BOOKING' }, request });
    expect(lifecycle.nextStep(addressKnown(paid(undefined, 'o-1', 1), placed, 2))).toMatchObject({
      kind: 'call',
      request,
    });
  });

  it("passes OrderPlaced v2's gift message to the carrier, and books a v1 OrderPlaced without one", () => {
    const gift = { ...placed, giftMessage: 'Happy birthday!' };

    const withGift = expectStep(lifecycle.nextStep(paid(addressKnown(undefined, gift, 1), 'o-1', 2)), 'call');
    const paidFirst = expectStep(lifecycle.nextStep(addressKnown(paid(undefined, 'o-1', 1), gift, 2)), 'call');

    expect(withGift.request.giftMessage).toBe('Happy birthday!');
    expect(paidFirst.request.giftMessage).toBe('Happy birthday!');
    expect(bookStep().request.giftMessage).toBeNull();
  });

  it('keeps the first gift message, so a booking re-sent after a redelivered OrderPlaced is unchanged', () => {
    const first = addressKnown(undefined, { ...placed, giftMessage: 'first' }, 1);
    const again = addressKnown(first, { ...placed, giftMessage: 'second' }, 2);

    expect(again.giftMessage).toBe('first');
  });

  it('schedules the shipment with the carrier and tracking number when the carrier books it', () => {
    const { state, emit } = lifecycle.afterCall(bookStep(), booked, 3);

    expect(state).toMatchObject({ status: 'SCHEDULED', shipmentId: 'shp_1' });
    expect(emit).toEqual([
      {
        type: 'ShipmentScheduled',
        body: { orderId: 'o-1', shipmentId: 'shp_1', carrier: 'FakeEx', trackingNumber: 'FX1' },
      },
    ]);
  });

  it('fails the shipment with the carrier’s reason when the carrier refuses the address', () => {
    const { state, emit } = lifecycle.afterCall(bookStep(), refused, 3);

    expect(state.status).toBe('FAILED');
    expect(emit).toEqual([{ type: 'ShipmentFailed', body: { orderId: 'o-1', reason: 'undeliverable_address' } }]);
  });

  it('cancels a scheduled shipment when the order is cancelled', () => {
    const step = expectStep(lifecycle.nextStep(lifecycle.orderCancelled(scheduledShipment(), 'o-1', 4)), 'undo');
    expect(step.request).toBe('shp_1');

    const { state, emit } = lifecycle.afterUndo(step, 5);

    expect(state.status).toBe('CANCELLED');
    expect(emit).toEqual([{ type: 'ShipmentCancelled', body: { orderId: 'o-1', shipmentId: 'shp_1' } }]);
  });
});
