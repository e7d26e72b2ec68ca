// The handlers, through the runtime's real unit of work (inbox, lock, transaction, outbox), against an
// in-memory store and a fake carrier that keeps its idempotency: what happens when the carrier's answer
// is lost, or its booking never left, and the event is retried or the order cancelled first.
import { TestRuntime } from '../../../test/support/handler-context';
import {
  MESSAGING_MIGRATION,
  newEnvelope,
  ProviderUnavailableError,
  SqliteDatabase,
  type EventMap,
  type EventType,
  type ServiceHandler,
} from '@saga/shared';
import type { Carrier } from '../src/carrier-client';
import type { BookingOutcome, BookingRequest } from '../src/domain/shipment';
import type { ShippingDeps } from '../src/handlers/drive-shipment';
import { onOrderCancelled } from '../src/handlers/OrderCancelled';
import { onOrderPlaced } from '../src/handlers/OrderPlaced';
import { onPaymentCompleted } from '../src/handlers/PaymentCompleted';
import { SHIPPING_MIGRATIONS, SqliteShipmentStore } from '../src/store';

class FakeCarrier implements Carrier {
  readonly shipments = new Map<string, { shipmentId: string; refused: boolean; cancelled: boolean }>();
  /** The next booking takes effect, but its answer never reaches the caller (a timeout). */
  loseNextAnswer = false;
  /** The next booking never reaches the carrier (the process died right after recording its intent). */
  dropNextBooking = false;
  bookCalls = 0;

  async book(request: BookingRequest): Promise<BookingOutcome> {
    this.bookCalls += 1;
    if (this.dropNextBooking) {
      this.dropNextBooking = false;
      throw new ProviderUnavailableError('carrier unreachable');
    }
    let shipment = this.shipments.get(request.idempotencyKey);
    if (!shipment) {
      const refused = request.address.postalCode === '00000';
      shipment = { shipmentId: `shp_${this.shipments.size + 1}`, refused, cancelled: false };
      this.shipments.set(request.idempotencyKey, shipment);
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new ProviderUnavailableError('carrier timed out');
    }
    return shipment.refused
      ? { kind: 'refused', reason: 'undeliverable_address' }
      : { kind: 'booked', shipmentId: shipment.shipmentId, carrier: 'FakeEx', trackingNumber: 'FX1' };
  }

  async findBooking(idempotencyKey: string): Promise<BookingOutcome | undefined> {
    const shipment = this.shipments.get(idempotencyKey);
    if (!shipment) return undefined;
    return shipment.refused
      ? { kind: 'refused', reason: 'undeliverable_address' }
      : { kind: 'booked', shipmentId: shipment.shipmentId, carrier: 'FakeEx', trackingNumber: 'FX1' };
  }

  async cancel(shipmentId: string): Promise<void> {
    const shipment = [...this.shipments.values()].find((candidate) => candidate.shipmentId === shipmentId);
    if (!shipment) throw new Error(`no shipment ${shipmentId}`);
    shipment.cancelled = true;
  }
}

const cause = { correlationId: 'o-1', causationId: 'test' };
const orderPlaced: EventMap['OrderPlaced'] = {
  envelope: newEnvelope('order-service', cause),
  orderId: 'o-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentToken: 'tok_visa',
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  giftMessage: null,
};
const paymentCompleted: EventMap['PaymentCompleted'] = {
  envelope: newEnvelope('payment-service', cause),
  orderId: 'o-1',
  paymentId: 'ch_1',
  amountCents: 3_998,
  currency: 'EUR',
};
const orderCancelled: EventMap['OrderCancelled'] = {
  envelope: newEnvelope('order-service', cause),
  orderId: 'o-1',
  reason: 'CANCELLED_BY_CUSTOMER',
};

function setup() {
  const database = new SqliteDatabase(':memory:', [MESSAGING_MIGRATION, ...SHIPPING_MIGRATIONS]);
  const runtime = new TestRuntime(database);
  const carrier = new FakeCarrier();
  const deps: ShippingDeps = { store: new SqliteShipmentStore(database), carrier };
  const emitted: EventType[] = [];

  /** Delivers one event through the runtime's unit of work; `emitted` is then what the outbox holds. */
  async function deliver<T extends EventType>(type: T, handler: ServiceHandler<T>, event: EventMap[T]): Promise<void> {
    try {
      await runtime.deliver(type, handler, event);
    } finally {
      emitted.splice(0, emitted.length, ...(await runtime.emitted()).map((entry) => entry.type));
    }
  }

  return { deps, carrier, emitted, deliver, shipment: () => deps.store.get('o-1') };
}

describe('shipping handlers', () => {
  it('books once when PaymentCompleted is retried after the carrier booked but its answer was lost', async () => {
    const { deps, carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    carrier.loseNextAnswer = true;

    await expect(deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );
    await deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted);

    expect(carrier.shipments.size).toBe(1);
    expect(carrier.bookCalls).toBe(1); // the retry found the booking by its key instead of booking again
    expect(emitted).toEqual(['ShipmentScheduled']);
    expect(await shipment()).toMatchObject({ status: 'SCHEDULED', shipmentId: 'shp_1' });
  });

  it('books nothing when the order is cancelled after an intent whose booking never reached the carrier', async () => {
    const { deps, carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    carrier.dropNextBooking = true;
    await expect(deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );
    expect(await shipment()).toMatchObject({ status: 'BOOKING' });

    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted);

    expect(carrier.shipments.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('cancels a booking whose answer was lost when the order is cancelled before the retry', async () => {
    const { deps, carrier, emitted, deliver, shipment } = setup();
    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    carrier.loseNextAnswer = true;
    await expect(deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted)).rejects.toThrow(
      ProviderUnavailableError,
    );

    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted);

    expect([...carrier.shipments.values()]).toEqual([{ shipmentId: 'shp_1', refused: false, cancelled: true }]);
    expect(emitted).toEqual(['ShipmentCancelled']);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('books nothing for an order cancelled before it was paid', async () => {
    const { deps, carrier, emitted, deliver, shipment } = setup();

    await deliver('OrderPlaced', onOrderPlaced(deps), orderPlaced);
    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);
    await deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted);

    expect(carrier.shipments.size).toBe(0);
    expect(emitted).toEqual([]);
    expect(await shipment()).toMatchObject({ status: 'CANCELLED' });
  });

  it('fails the shipment of an undeliverable address, paid first, and cancels nothing when the order is then cancelled', async () => {
    const { deps, carrier, emitted, deliver, shipment } = setup();
    const undeliverable = { ...orderPlaced.shippingAddress, postalCode: '00000' };

    await deliver('PaymentCompleted', onPaymentCompleted(deps), paymentCompleted);
    await deliver('OrderPlaced', onOrderPlaced(deps), { ...orderPlaced, shippingAddress: undeliverable });
    await deliver('OrderCancelled', onOrderCancelled(deps), orderCancelled);

    expect(emitted).toEqual(['ShipmentFailed']);
    expect([...carrier.shipments.values()]).toEqual([expect.objectContaining({ refused: true, cancelled: false })]);
    expect(await shipment()).toMatchObject({ status: 'FAILED' });
  });
});
