// The order lifecycle decisions, given the facts so far (folded), when something happens, then the facts
// to append; without I/O.
import { newEnvelope, type PlaceOrder } from '@saga/shared';
import { fold } from '../src/domain/fold';
import { cancel, confirm, place, priced, type Decision } from '../src/domain/order';
import type { Order, OrderEvent } from '../src/domain/order-events';

const command: PlaceOrder = {
  envelope: newEnvelope('gateway', { correlationId: 'o-1', causationId: 'req-1' }),
  orderId: 'o-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentToken: 'tok_visa',
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  giftMessage: null,
};
const reserved = {
  orderId: 'o-1',
  lines: [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1_999 }],
  totalCents: 3_998,
  currency: 'EUR',
};
const scheduled = { orderId: 'o-1', shipmentId: 's-1', carrier: 'fake', trackingNumber: 't-1' };

/** The state after `decisions`, applied one after the other from nothing. */
function given(...decisions: Array<(order: Order | undefined) => Decision>): Order | undefined {
  const events: OrderEvent[] = [];
  for (const decide of decisions) {
    const decision = decide(fold(events.map((event, i) => ({ event, recordedAt: 1_000 + i }))));
    if (decision.kind !== 'append') throw new Error(`given step ignored: ${decision.why}`);
    events.push(...decision.events);
  }
  return fold(events.map((event, i) => ({ event, recordedAt: 1_000 + i })));
}

const types = (decision: Decision) => (decision.kind === 'append' ? decision.events.map((e) => e.type) : decision);

describe('order decisions', () => {
  it('places a new order as PENDING and appends OrderPlaced with the command details', () => {
    const decision = place(undefined, command);

    expect(decision.kind === 'append' && decision.events).toEqual([
      {
        type: 'OrderPlaced',
        body: expect.objectContaining({ orderId: 'o-1', paymentToken: 'tok_visa', items: command.items }),
      },
    ]);
    expect(given((o) => place(o, command))).toMatchObject({ status: 'PENDING', createdAt: 1_000 });
  });

  it('ignores a PlaceOrder for an order it already has', () => {
    expect(
      place(
        given((o) => place(o, command)),
        command,
      ),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('records the price, then confirms with that total once the shipment is booked', () => {
    const pricedOrder = given(
      (o) => place(o, command),
      (o) => priced(o, reserved),
    );
    expect(pricedOrder).toMatchObject({ status: 'PENDING', totalCents: 3_998, currency: 'EUR' });

    const decision = confirm(pricedOrder, scheduled);

    expect(decision.kind === 'append' && decision.events).toEqual([
      { type: 'ShipmentScheduled', body: scheduled },
      { type: 'OrderConfirmed', body: { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' } },
    ]);
  });

  it('cancels a pending order with the reason and appends OrderCancelled for the others to compensate', () => {
    const decision = cancel(
      given((o) => place(o, command)),
      'PAYMENT_DECLINED',
    );

    expect(decision.kind === 'append' && decision.events).toEqual([
      { type: 'OrderCancelled', body: { orderId: 'o-1', reason: 'PAYMENT_DECLINED' } },
    ]);
  });

  it('lets nothing change a terminal order: a late shipment after a cancel does not confirm it', () => {
    const cancelled = given(
      (o) => place(o, command),
      (o) => cancel(o, 'TIMED_OUT'),
    );

    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'TIMED_OUT' });
    expect(confirm(cancelled, scheduled)).toMatchObject({ kind: 'ignored' });
    expect(cancel(cancelled, 'CANCELLED_BY_CUSTOMER')).toMatchObject({ kind: 'ignored' });
    expect(types(priced(cancelled, reserved))).toEqual(['StockReserved']); // the price is kept, nothing emitted
  });

  it('refuses a customer cancel once the order is confirmed', () => {
    const confirmed = given(
      (o) => place(o, command),
      (o) => priced(o, reserved),
      (o) => confirm(o, scheduled),
    );

    expect(confirmed?.status).toBe('CONFIRMED');
    expect(cancel(confirmed, 'CANCELLED_BY_CUSTOMER')).toMatchObject({ kind: 'ignored' });
  });

  it('waits for the price when the shipment is booked first, then confirms with the real total', () => {
    const shipped = given(
      (o) => place(o, command),
      (o) => confirm(o, scheduled),
    );
    expect(shipped).toMatchObject({ status: 'PENDING', shipped: true, totalCents: null });

    const decision = priced(shipped, reserved);

    expect(decision.kind === 'append' && decision.events).toEqual([
      { type: 'StockReserved', body: reserved },
      { type: 'OrderConfirmed', body: { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' } },
    ]);
  });
});
