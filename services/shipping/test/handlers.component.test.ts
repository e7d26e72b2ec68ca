// The handlers, through the runtime's real unit of work (inbox, lock, transaction, outbox), against an
// in-memory store and a fake carrier that keeps its idempotency: what happens when the carrier's answer
// is lost, or its booking never left, and the event is retried or the order cancelled first.
import { handlerHarness } from '../../../test/support/handler-context';
import { FakeProvider } from '../../../test/support/fake-provider';
import { address, orderCancelled, orderPlaced, received } from '../../../test/support/order-events';
import { ProviderUnavailableError } from '@saga/shared';
import type { Carrier } from '../src/carrier-client';
import type { BookingOutcome, BookingRequest } from '../src/domain/shipment';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onPaymentCompleted } from '../src/handlers/PaymentCompleted';
import { SHIPPING_MIGRATIONS, SqlShipmentStore } from '../src/store';
import { UNDELIVERABLE_POSTAL_CODE } from '@saga/providers';

interface Booked {
  shipmentId: string;
  refused: boolean;
  cancelled: boolean;
}

/** The carrier's shipments: postal code 00000 is undeliverable, any other address booked. */
class FakeCarrier extends FakeProvider<BookingRequest, Booked> implements Carrier {
  constructor() {
    super('carrier', (request, count) => ({
      shipmentId: `shp_${count}`,
      refused: request.address.postalCode === UNDELIVERABLE_POSTAL_CODE,
      cancelled: false,
    }));
  }

  async book(request: BookingRequest): Promise<BookingOutcome> {
    return outcome(await this.call(request));
  }

  async findBooking(idempotencyKey: string): Promise<BookingOutcome | undefined> {
    const shipment = this.lookup(idempotencyKey);
    return shipment && outcome(shipment);
  }

  async cancel(shipmentId: string): Promise<void> {
    this.find((shipment) => shipment.shipmentId === shipmentId, `the cancel of ${shipmentId}`).cancelled = true;
  }
}

const outcome = ({ refused, shipmentId }: Booked): BookingOutcome =>
  refused
    ? { kind: 'refused', reason: 'undeliverable_address' }
    : { kind: 'booked', shipmentId, carrier: 'FakeEx', trackingNumber: 'FX1' };

const placed = orderPlaced('o-1');
const paymentCompleted = received<'PaymentCompleted'>('payment-service', {
  orderId: 'o-1',
  paymentId: 'ch_1',
  amountCents: 3_998,
  currency: 'EUR',
});
const cancelled = orderCancelled('o-1', 'CANCELLED_BY_CUSTOMER');

function setup() {
  const carrier = new FakeCarrier();
  const service = handlerHarness(SHIPPING_MIGRATIONS, (database) => ({
    store: new SqlShipmentStore(database),
    carrier,
  }));
  return { ...service, carrier, shipment: () => service.deps.store.get('o-1') };
}

describe('shipping handlers', () => {
  it('books once when PaymentCompleted is retried after the carrier booked but its answer was lost', async () => {
    const { carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    carrier.loseNextAnswer = true;

    await expect(deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );
    await deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted);

    expect(carrier.made.size).toBe(1);
    expect(carrier.calls).toBe(1); // the retry found the booking by its key instead of booking again
    expect(emitted).toEqual(['ShipmentScheduled']);
    expect(await shipment()).toMatchObject({ status: 'SCHEDULED', shipmentId: 'shp_1' });
  });

  it('books nothing when the order is cancelled after an intent whose booking never reached the carrier', async () => {
    const { carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    carrier.dropNextCall = true;
    await expect(deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );
    expect(await shipment()).toMatchObject({ status: 'BOOKING' });

    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted);

    expect(carrier.made.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('cancels a booking whose answer was lost when the order is cancelled before the retry', async () => {
    const { carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced, placed);
    carrier.loseNextAnswer = true;
    await expect(deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );

    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted);

    expect([...carrier.made.values()]).toEqual([{ shipmentId: 'shp_1', refused: false, cancelled: true }]);
    expect(emitted).toEqual(['ShipmentCancelled']);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('books nothing for an order cancelled before it was paid', async () => {
    const { carrier, emitted, deliver, shipment } = setup();

    await deliver('OrderPlaced', onOrderPlaced, placed);
    await deliver('OrderCancelled', onOrderCancelled, cancelled);
    await deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted);

    expect(carrier.made.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('fails the shipment of an undeliverable address, paid first, and cancels nothing when the order is then cancelled', async () => {
    const { carrier, emitted, deliver, shipment } = setup();
    const undeliverable = { ...address, postalCode: UNDELIVERABLE_POSTAL_CODE };

    await deliver('PaymentCompleted', onPaymentCompleted, paymentCompleted);
    await deliver('OrderPlaced', onOrderPlaced, orderPlaced('o-1', { shippingAddress: undeliverable }));
    await deliver('OrderCancelled', onOrderCancelled, cancelled);

    expect(emitted).toEqual(['ShipmentFailed']);
    expect([...carrier.made.values()]).toEqual([expect.objectContaining({ refused: true, cancelled: false })]);
    expect(await shipment()).toMatchObject({ status: 'FAILED' });
  });
});
