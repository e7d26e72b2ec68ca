// The shipment decisions, given/when/then, without I/O.
import {
  addressKnown,
  afterBooking,
  afterCancellation,
  afterLookup,
  nextStep,
  orderCancelled,
  paid,
  type BookingOutcome,
  type Shipment,
  type Step,
} from '../src/domain/shipment';

const address = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
const items = [{ sku: 'SKU-001', quantity: 2 }];
const placed = { orderId: 'o-1', shippingAddress: address, items, giftMessage: null };
const booked: BookingOutcome = { kind: 'booked', shipmentId: 'shp_1', carrier: 'FakeEx', trackingNumber: 'FX1' };
const refused: BookingOutcome = { kind: 'refused', reason: 'undeliverable_address' };

function expectStep<K extends Step['kind']>(step: Step, kind: K): Extract<Step, { kind: K }> {
  expect(step.kind).toBe(kind);
  return step as Extract<Step, { kind: K }>;
}

const bookStep = () => expectStep(nextStep(paid(addressKnown(undefined, placed, 1), 'o-1', 2)), 'book');

function scheduledShipment(): Shipment {
  return afterBooking(bookStep(), booked, 3).shipment;
}

describe('shipment decisions', () => {
  it('books once both the address and the payment are known, whichever came first', () => {
    const request = { idempotencyKey: 'o-1', address, items };

    expect(nextStep(addressKnown(undefined, placed, 1))).toEqual({ kind: 'rest' });
    expect(nextStep(paid(undefined, 'o-1', 1))).toEqual({ kind: 'rest' });
    expect(nextStep(paid(addressKnown(undefined, placed, 1), 'o-1', 2))).toMatchObject({
      kind: 'book',
      shipment: { status: 'BOOKING' },
      request,
    });
    expect(nextStep(addressKnown(paid(undefined, 'o-1', 1), placed, 2))).toMatchObject({ kind: 'book', request });
  });

  it("passes OrderPlaced v2's gift message to the carrier, and books a v1 OrderPlaced without one", () => {
    const gift = { ...placed, giftMessage: 'Happy birthday!' };

    const withGift = expectStep(nextStep(paid(addressKnown(undefined, gift, 1), 'o-1', 2)), 'book');
    const paidFirst = expectStep(nextStep(addressKnown(paid(undefined, 'o-1', 1), gift, 2)), 'book');

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
    const { shipment, emit } = afterBooking(bookStep(), booked, 3);

    expect(shipment).toMatchObject({ status: 'SCHEDULED', shipmentId: 'shp_1' });
    expect(emit).toEqual([
      {
        type: 'ShipmentScheduled',
        body: { orderId: 'o-1', shipmentId: 'shp_1', carrier: 'FakeEx', trackingNumber: 'FX1' },
      },
    ]);
    expect(nextStep(shipment)).toEqual({ kind: 'rest' });
  });

  it('fails the shipment with the carrier’s reason when the carrier refuses the address', () => {
    const { shipment, emit } = afterBooking(bookStep(), refused, 3);

    expect(shipment.status).toBe('FAILED');
    expect(emit).toEqual([{ type: 'ShipmentFailed', body: { orderId: 'o-1', reason: 'undeliverable_address' } }]);
  });

  it('never books again an order already scheduled when its payment is delivered again', () => {
    expect(nextStep(paid(scheduledShipment(), 'o-1', 4))).toEqual({ kind: 'rest' });
  });

  it('never books an order cancelled before it was paid', () => {
    const cancelled = orderCancelled(addressKnown(undefined, placed, 1), 'o-1', 2);

    const late = paid(cancelled, 'o-1', 3);

    expect(late.status).toBe('CANCELLED');
    expect(nextStep(late)).toEqual({ kind: 'rest' });
  });

  it('cancels a scheduled shipment when the order is cancelled', () => {
    const step = expectStep(nextStep(orderCancelled(scheduledShipment(), 'o-1', 4)), 'cancel');
    expect(step.shipmentId).toBe('shp_1');

    const { shipment, emit } = afterCancellation(step, 5);

    expect(shipment.status).toBe('CANCELLED');
    expect(emit).toEqual([{ type: 'ShipmentCancelled', body: { orderId: 'o-1', shipmentId: 'shp_1' } }]);
    expect(nextStep(orderCancelled(shipment, 'o-1', 6))).toEqual({ kind: 'rest' });
  });

  it('cancels nothing at the carrier when a failed shipment’s order is cancelled', () => {
    const failed = afterBooking(bookStep(), refused, 3).shipment;

    const cancelled = orderCancelled(failed, 'o-1', 4);

    expect(cancelled.status).toBe('FAILED');
    expect(nextStep(cancelled)).toEqual({ kind: 'rest' });
  });

  it('settles a booking whose answer was lost and then cancels it, silently, when the order is cancelled meanwhile', () => {
    const booking = bookStep().shipment;

    const lookup = expectStep(nextStep(orderCancelled(booking, 'o-1', 3)), 'settle');
    expect(lookup.request.idempotencyKey).toBe('o-1');
    const settled = afterLookup(lookup, booked, 4);

    expect(settled.emit).toEqual([]);
    const cancel = expectStep(nextStep(settled.shipment), 'cancel');
    expect(afterCancellation(cancel, 5).emit.map((e) => e.type)).toEqual(['ShipmentCancelled']);
  });

  it('reports nothing when a booking settled after the order was cancelled turns out refused', () => {
    const lookup = expectStep(nextStep(orderCancelled(bookStep().shipment, 'o-1', 3)), 'settle');

    const settled = afterLookup(lookup, refused, 4);

    expect(settled).toMatchObject({ shipment: { status: 'FAILED' }, emit: [] });
    expect(nextStep(settled.shipment)).toEqual({ kind: 'rest' });
  });

  it('books nothing for a cancelled order whose booking in doubt the carrier never made', () => {
    const lookup = expectStep(nextStep(orderCancelled(bookStep().shipment, 'o-1', 3)), 'settle');

    const settled = afterLookup(lookup, undefined, 4);

    expect(settled).toMatchObject({ shipment: { status: 'CANCELLED' }, emit: [] });
    expect(nextStep(settled.shipment)).toEqual({ kind: 'rest' });
  });
});
