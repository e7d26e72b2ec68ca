// The chaos test's invariants catch each kind of violation, so a green crash test means something.
import { orderViolations, outcomeViolations, stockViolations, type OrderOutcome } from './invariants';

const charge = (status: string, refunded = false) => ({ chargeId: `ch_${status}`, status, refunded });
const shipment = (status: string) => ({ shipmentId: `shp_${status}`, status });

const confirmed: OrderOutcome = {
  orderId: 'o-1',
  status: 'CONFIRMED',
  items: [{ sku: 'SKU-A', quantity: 2 }],
  charges: [charge('succeeded')],
  shipments: [shipment('booked')],
  timeline: ['OrderPlaced', 'StockReserved', 'PaymentCompleted', 'ShipmentScheduled', 'OrderConfirmed', 'StockSold'],
};

const cancelled: OrderOutcome = {
  orderId: 'o-2',
  status: 'CANCELLED',
  cancellationReason: 'SHIPPING_FAILED',
  items: [{ sku: 'SKU-A', quantity: 1 }],
  charges: [charge('succeeded', true)],
  shipments: [shipment('refused')],
  timeline: ['OrderPlaced', 'StockReserved', 'PaymentCompleted', 'ShipmentFailed', 'OrderCancelled', 'StockReleased'],
};

describe('order invariants', () => {
  it('accept a confirmed order and a fully compensated cancelled one', () => {
    expect([...orderViolations(confirmed), ...orderViolations(cancelled)]).toEqual([]);
  });

  it.each([
    ['an order still pending', { ...confirmed, status: 'PENDING' }, 'not terminal'],
    [
      'an order charged twice',
      { ...cancelled, charges: [charge('succeeded', true), charge('succeeded', true)] },
      'charged 2',
    ],
    ['a confirmed order refunded', { ...confirmed, charges: [charge('succeeded', true)] }, 'refunded and confirmed'],
    ['a confirmed order never charged', { ...confirmed, charges: [charge('declined')] }, '0 succeeded charges'],
    ['an order shipped twice', { ...confirmed, shipments: [shipment('booked'), shipment('cancelled')] }, 'shipped 2'],
    ['a confirmed order not shipped', { ...confirmed, shipments: [] }, '0 booked shipments'],
    ['a confirmed order whose stock was not sold', { ...confirmed, timeline: ['OrderConfirmed'] }, 'not sold'],
    ['a cancelled order not refunded', { ...cancelled, charges: [charge('succeeded')] }, 'not refunded'],
    ['a cancelled order still shipped', { ...cancelled, shipments: [shipment('booked')] }, 'still booked'],
    ['a cancelled order keeping its stock', { ...cancelled, timeline: ['StockReserved'] }, 'not released'],
    ['a cancelled order whose stock was sold', { ...cancelled, timeline: ['StockSold'] }, 'stock was sold'],
  ])('report %s', (_, outcome, rule) => {
    expect(orderViolations(outcome)).toEqual([expect.stringContaining(rule)]);
  });
});

describe('stock invariants', () => {
  const start = new Map([['SKU-A', 10]]);

  it('accept a level that accounts for every unit the confirmed orders took', () => {
    expect(stockViolations(start, [{ sku: 'SKU-A', available: 8, reserved: 0 }], [confirmed, cancelled])).toEqual([]);
  });

  it('report units gone missing', () => {
    expect(stockViolations(start, [{ sku: 'SKU-A', available: 7, reserved: 0 }], [confirmed])).toEqual([
      expect.stringContaining('= 9, started with 10'),
    ]);
  });

  it('report units still reserved once the saga is over', () => {
    expect(stockViolations(start, [{ sku: 'SKU-A', available: 7, reserved: 1 }], [confirmed])).toEqual([
      'sku SKU-A: 1 still reserved',
    ]);
  });

  it('report a sku the gateway does not show', () => {
    expect(stockViolations(start, [], [])).toEqual(['sku SKU-A: no stock level']);
  });
});

describe('outcome invariants', () => {
  const expected = new Map([
    ['o-1', ['CONFIRMED']],
    ['o-2', ['SHIPPING_FAILED']],
  ]);

  it('accept orders that ended as their kind of order must', () => {
    expect(outcomeViolations(expected, [confirmed, cancelled])).toEqual([]);
  });

  it('catch a normal order that timed out and a missing order', () => {
    const timedOut = { ...confirmed, status: 'CANCELLED', cancellationReason: 'TIMED_OUT' };
    expect(outcomeViolations(expected, [timedOut])).toEqual([
      '1 orders read, 2 placed',
      'order o-1 ended TIMED_OUT, expected CONFIRMED',
    ]);
  });
});
