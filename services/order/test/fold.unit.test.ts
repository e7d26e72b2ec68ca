// The fold: an order's state is its stream applied in order, and any prefix of the stream is the state
// at that version.
import { evolve, fold } from '../src/domain/fold';
import type { OrderEvent } from '../src/domain/order-events';

const address = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
const stream: OrderEvent[] = [
  {
    type: 'OrderPlaced',
    body: {
      orderId: 'o-1',
      customerId: 'c-1',
      items: [{ sku: 'A', quantity: 1 }],
      paymentToken: 't',
      shippingAddress: address,
      giftMessage: null,
    },
  },
  { type: 'StockReserved', body: { orderId: 'o-1', lines: [], totalCents: 500, currency: 'EUR' } },
  { type: 'ShipmentScheduled', body: { orderId: 'o-1', shipmentId: 's', carrier: 'c', trackingNumber: 'n' } },
  { type: 'OrderConfirmed', body: { orderId: 'o-1', totalCents: 500, currency: 'EUR' } },
];
const recorded = stream.map((event, i) => ({ event, recordedAt: 100 * (i + 1) }));

describe('folding an order stream', () => {
  it('gives the state after every fact, in order', () => {
    expect(fold(recorded)).toEqual({
      orderId: 'o-1',
      customerId: 'c-1',
      items: [{ sku: 'A', quantity: 1 }],
      status: 'CONFIRMED',
      cancellationReason: null,
      totalCents: 500,
      currency: 'EUR',
      shipped: true,
      createdAt: 100,
      updatedAt: 400,
    });
  });

  it('gives the state at an earlier version from the stream up to it', () => {
    expect(fold(recorded.slice(0, 2))).toMatchObject({
      status: 'PENDING',
      totalCents: 500,
      shipped: false,
      updatedAt: 200,
    });
    expect(fold([])).toBeUndefined();
  });

  it('starts an imported order from its snapshot', () => {
    const { updatedAt: _, ...snapshot } = fold(recorded)!;
    expect(evolve(undefined, { event: { type: 'OrderImported', body: snapshot }, recordedAt: 999 })).toEqual({
      ...snapshot,
      updatedAt: 999,
    });
  });

  it('refuses a fact about an order that was never placed', () => {
    expect(() => fold(recorded.slice(1))).toThrow('never placed');
  });
});
