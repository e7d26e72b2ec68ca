import { acceptOrder, applyOrderRecord, isPlaced, type OrderRecord, type OrderState } from '../src/projection/orders';
import { at, orderRecord, record } from './helpers';

const orderId = 'order-1';
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

const placed = (occurredAt = T0) =>
  orderRecord(
    'OrderPlaced',
    record(
      'OrderPlaced',
      {
        orderId,
        customerId: 'c-1',
        items: [{ sku: 'SKU-001', quantity: 2 }],
        paymentToken: 'tok_visa',
        shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
        giftMessage: null,
      },
      { occurredAt },
    ),
  );
const reserved = (occurredAt = T0 + 1) =>
  orderRecord(
    'StockReserved',
    record(
      'StockReserved',
      { orderId, lines: [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1999 }], totalCents: 3998, currency: 'EUR' },
      { occurredAt },
    ),
  );
const confirmed = (occurredAt = T0 + 3) =>
  orderRecord(
    'OrderConfirmed',
    record('OrderConfirmed', { orderId, totalCents: 3998, currency: 'EUR' }, { occurredAt }),
  );
const cancelled = (occurredAt = T0 + 3) =>
  orderRecord('OrderCancelled', record('OrderCancelled', { orderId, reason: 'PAYMENT_DECLINED' }, { occurredAt }));

/** Applies records in the order given, each at its own offset of its record type's topic. */
function given(...records: OrderRecord[]): OrderState | undefined {
  return records.reduce<OrderState | undefined>(
    (order, r) => applyOrderRecord(order, r, at(`topic-of-${r.type}`)),
    undefined,
  );
}

describe('projecting an order', () => {
  it('makes a placed order PENDING with its customer, items and creation time', () => {
    const order = given(placed());
    expect(order).toMatchObject({ status: 'PENDING', customerId: 'c-1', createdAt: T0, updatedAt: T0 });
    expect(order?.items).toEqual([{ sku: 'SKU-001', quantity: 2 }]);
  });

  it('prices the order from StockReserved', () => {
    const order = given(placed(), reserved());
    expect(order).toMatchObject({ unitPriceCents: { 'SKU-001': 1999 }, totalCents: 3998, currency: 'EUR' });
    expect(order?.updatedAt).toBe(T0 + 1);
  });

  it('confirms the order on OrderConfirmed', () => {
    expect(given(placed(), reserved(), confirmed())?.status).toBe('CONFIRMED');
  });

  it('cancels the order with its reason on OrderCancelled', () => {
    expect(given(placed(), cancelled())).toMatchObject({ status: 'CANCELLED', cancellationReason: 'PAYMENT_DECLINED' });
  });

  it('never moves a terminal order back: a replayed OrderPlaced leaves it CONFIRMED', () => {
    const order = given(placed(), confirmed(), placed(T0 + 10));
    expect(order?.status).toBe('CONFIRMED');
    expect(order?.createdAt).toBe(T0);
  });

  it('keeps the first outcome: OrderConfirmed after OrderCancelled changes nothing', () => {
    expect(given(placed(), cancelled(), confirmed(T0 + 4))).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'PAYMENT_DECLINED',
    });
  });

  it('ignores a redelivered event: same state, one timeline entry', () => {
    const once = given(placed(), reserved());
    const redelivered = reserved();
    const twice = applyOrderRecord(
      applyOrderRecord(once, redelivered, at('inventory.events')),
      redelivered,
      at('inventory.events'),
    );
    expect(twice.timeline.filter((entry) => entry.eventId === redelivered.event.envelope.eventId)).toHaveLength(1);
    expect(twice.timeline).toHaveLength(3);
  });

  it('merges facts that arrive before the placement, but shows the order only once placed', () => {
    const early = given(reserved(T0 + 1));
    expect(isPlaced(early)).toBe(false);
    const order = applyOrderRecord(early, placed(T0), at('order.events'));
    expect(isPlaced(order)).toBe(true);
    expect(order).toMatchObject({ status: 'PENDING', totalCents: 3998, createdAt: T0, updatedAt: T0 + 1 });
  });

  it('orders the timeline by occurredAt, then topic and offset, whatever the arrival order', () => {
    const late = confirmed(T0 + 3);
    const order = given(late, reserved(T0 + 1), placed(T0));
    expect(order?.timeline.map((entry) => entry.type)).toEqual(['OrderPlaced', 'StockReserved', 'OrderConfirmed']);
    const sameInstant = given(placed(T0), reserved(T0));
    expect(sameInstant?.timeline.map((entry) => entry.topic)).toEqual([
      'topic-of-OrderPlaced',
      'topic-of-StockReserved',
    ]);
  });

  it('records the payload without the envelope, and where and by whom the record was written', () => {
    const r = reserved();
    const [entry] = applyOrderRecord(undefined, r, { topic: 'inventory.events', partition: 3, offset: 42 }).timeline;
    expect(entry).toEqual({
      eventId: r.event.envelope.eventId,
      type: 'StockReserved',
      topic: 'inventory.events',
      partition: 3,
      offset: 42,
      producer: 'test',
      occurredAt: T0 + 1,
      causationId: r.event.envelope.causationId,
      payload: {
        orderId,
        lines: [{ sku: 'SKU-001', quantity: 2, unitPriceCents: 1999 }],
        totalCents: 3998,
        currency: 'EUR',
      },
    });
  });
});

describe("an order's trace", () => {
  const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
  const OTHER = 'a'.repeat(32);

  it('is none until a record with a traceparent is read', () => {
    expect(given(placed(), reserved())?.traceId).toBeNull();
  });

  it("keeps the first record's trace id, whichever record that is and whatever comes after", () => {
    const untraced = given(reserved());
    const traced = applyOrderRecord(untraced, placed(), at('order.events'), TRACE);
    const later = applyOrderRecord(traced, confirmed(), at('order.events'), OTHER);
    const withoutHeader = applyOrderRecord(later, cancelled(), at('order.events'));
    expect([traced.traceId, later.traceId, withoutHeader.traceId]).toEqual([TRACE, TRACE, TRACE]);
  });
});

describe("the gateway's own accepted order", () => {
  const command = record('PlaceOrder', {
    orderId,
    customerId: 'c-1',
    items: [{ sku: 'SKU-001', quantity: 2 }],
    paymentToken: 'tok_visa',
    shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    giftMessage: null,
  });

  it('is PENDING at once, without a timeline entry until its PlaceOrder is read back', () => {
    const order = acceptOrder(undefined, command);
    expect(order).toMatchObject({ status: 'PENDING', customerId: 'c-1', createdAt: T0 });
    expect(order.timeline).toEqual([]);
    const readBack = applyOrderRecord(order, orderRecord('PlaceOrder', command), at('order.commands'));
    expect(readBack.timeline.map((entry) => entry.type)).toEqual(['PlaceOrder']);
    expect(readBack.createdAt).toBe(T0);
  });

  it('gets its trace id when its PlaceOrder is read back with a traceparent', () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const readBack = applyOrderRecord(
      acceptOrder(undefined, command),
      orderRecord('PlaceOrder', command),
      at('order.commands'),
      trace,
    );
    expect(readBack.traceId).toBe(trace);
  });

  it('does not reset an order the projection already saw confirmed', () => {
    const order = acceptOrder(given(placed(), confirmed()), command);
    expect(order.status).toBe('CONFIRMED');
  });
});
