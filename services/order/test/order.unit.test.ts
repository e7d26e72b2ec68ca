// The order lifecycle decisions, given/when/then, without I/O.
import { newEnvelope, type PlaceOrder } from '@saga/shared';
import { cancel, confirm, place, priced, type Order } from '../src/domain/order';

const command: PlaceOrder = {
  envelope: newEnvelope('gateway', { correlationId: 'o-1', causationId: 'req-1' }),
  orderId: 'o-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentToken: 'tok_visa',
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  giftMessage: null,
};

function pendingOrder(): Order {
  const decision = place(undefined, command, 1_000, 30_000);
  if (decision.kind !== 'changed') throw new Error('expected a new order');
  return decision.order;
}

describe('order decisions', () => {
  it('places a new order as PENDING with a deadline and emits OrderPlaced with the command details', () => {
    const decision = place(undefined, command, 1_000, 30_000);

    expect(decision).toMatchObject({
      kind: 'changed',
      order: { status: 'PENDING', createdAt: 1_000, deadlineAt: 31_000 },
    });
    expect(decision.kind === 'changed' && decision.emit).toEqual([
      {
        type: 'OrderPlaced',
        body: expect.objectContaining({ orderId: 'o-1', paymentToken: 'tok_visa', items: command.items }),
      },
    ]);
  });

  it('ignores a PlaceOrder for an order it already has', () => {
    expect(place(pendingOrder(), command, 2_000, 30_000)).toMatchObject({ kind: 'ignored' });
  });

  it('confirms a pending order with the total inventory priced it at', () => {
    const withTotal = priced(pendingOrder(), 3_998, 'EUR', 1_500);
    if (withTotal.kind !== 'changed') throw new Error('expected a change');

    const decision = confirm(withTotal.order, 2_000);

    expect(decision).toMatchObject({ kind: 'changed', order: { status: 'CONFIRMED', updatedAt: 2_000 } });
    expect(decision.kind === 'changed' && decision.emit).toEqual([
      { type: 'OrderConfirmed', body: { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' } },
    ]);
  });

  it('cancels a pending order with the reason and emits OrderCancelled for the others to compensate', () => {
    const decision = cancel(pendingOrder(), 'PAYMENT_DECLINED', 2_000);

    expect(decision).toMatchObject({
      kind: 'changed',
      order: { status: 'CANCELLED', cancellationReason: 'PAYMENT_DECLINED' },
    });
    expect(decision.kind === 'changed' && decision.emit).toEqual([
      { type: 'OrderCancelled', body: { orderId: 'o-1', reason: 'PAYMENT_DECLINED' } },
    ]);
  });

  it('lets nothing change a terminal order: a late shipment after a cancel does not confirm it', () => {
    const cancelled = cancel(pendingOrder(), 'TIMED_OUT', 2_000);
    if (cancelled.kind !== 'changed') throw new Error('expected a change');

    expect(confirm(cancelled.order, 3_000)).toMatchObject({ kind: 'ignored' });
    expect(cancel(cancelled.order, 'CANCELLED_BY_CUSTOMER', 3_000)).toMatchObject({ kind: 'ignored' });
  });

  it('refuses a customer cancel once the order is confirmed', () => {
    const withTotal = priced(pendingOrder(), 3_998, 'EUR', 1_500);
    if (withTotal.kind !== 'changed') throw new Error('expected a change');
    const confirmed = confirm(withTotal.order, 2_000);
    if (confirmed.kind !== 'changed') throw new Error('expected a change');

    expect(confirmed.order.status).toBe('CONFIRMED');
    expect(cancel(confirmed.order, 'CANCELLED_BY_CUSTOMER', 3_000)).toMatchObject({ kind: 'ignored' });
  });

  it('waits for the price when the shipment is booked first, then confirms with the real total', () => {
    const shipped = confirm(pendingOrder(), 2_000);
    if (shipped.kind !== 'changed') throw new Error('expected a change');
    expect(shipped).toMatchObject({ order: { status: 'PENDING', shipped: true }, emit: [] });

    const decision = priced(shipped.order, 3_998, 'EUR', 2_500);

    expect(decision).toMatchObject({ kind: 'changed', order: { status: 'CONFIRMED', totalCents: 3_998 } });
    expect(decision.kind === 'changed' && decision.emit).toEqual([
      { type: 'OrderConfirmed', body: { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' } },
    ]);
  });
});
