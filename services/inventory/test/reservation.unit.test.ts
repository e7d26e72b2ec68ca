// An order's reservation decisions, given/when/then, without I/O.
import { BusinessRuleError, type OrderLine } from '@saga/shared';
import { release, reserve, sell, type Products } from '../src/domain/reservation';
import type { Decision, Product, Reservation } from '../src/domain/state';

const product = (sku: string, available: number, unitPriceCents = 1_000): Product => ({
  sku,
  name: `product ${sku}`,
  unitPriceCents,
  currency: 'EUR',
  available,
  reserved: 0,
  sold: 0,
});

const catalog = (...products: Product[]): Products => new Map(products.map((p) => [p.sku, p]));
const order = (...items: OrderLine[]) => ({ orderId: 'o-1', items });

function changed(decision: Decision) {
  if (decision.kind !== 'changed') throw new Error(`expected a change, got ignored: ${decision.why}`);
  return decision;
}

/** Given an order reserved against `products`: the reservation and the products after it. */
function reserved(products: Products, ...items: OrderLine[]): { reservation: Reservation; products: Products } {
  const decision = changed(reserve(undefined, order(...items), products, 1_000));
  return { reservation: decision.reservation!, products: new Map([...products, ...catalog(...decision.products)]) };
}

describe('reserving an order', () => {
  it('reserves every line or none: all lines are priced, totalled and moved from available to reserved', () => {
    const products = catalog(product('A', 10, 1_999), product('B', 5, 500));

    const decision = changed(
      reserve(undefined, order({ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }), products, 1_000),
    );

    expect(decision.products).toEqual([
      expect.objectContaining({ sku: 'A', available: 8, reserved: 2 }),
      expect.objectContaining({ sku: 'B', available: 4, reserved: 1 }),
    ]);
    expect(decision.reservation).toMatchObject({ orderId: 'o-1', status: 'RESERVED' });
    expect(decision.emit).toEqual([
      {
        type: 'StockReserved',
        key: 'o-1',
        body: {
          orderId: 'o-1',
          lines: [
            { sku: 'A', quantity: 2, unitPriceCents: 1_999 },
            { sku: 'B', quantity: 1, unitPriceCents: 500 },
          ],
          totalCents: 4_498,
          currency: 'EUR',
        },
      },
      { type: 'StockLevelChanged', key: 'A', body: expect.objectContaining({ sku: 'A', available: 8, reserved: 2 }) },
      { type: 'StockLevelChanged', key: 'B', body: expect.objectContaining({ sku: 'B', available: 4, reserved: 1 }) },
    ]);
  });

  it('fails with OUT_OF_STOCK and reserves nothing when one line is short', () => {
    const products = catalog(product('A', 10), product('B', 1));

    const decision = changed(
      reserve(undefined, order({ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 2 }), products, 1_000),
    );

    expect(decision.products).toEqual([]);
    expect(decision.reservation).toMatchObject({ status: 'FAILED', failure: { reason: 'OUT_OF_STOCK', sku: 'B' } });
    expect(decision.emit).toEqual([
      { type: 'StockReservationFailed', key: 'o-1', body: { orderId: 'o-1', reason: 'OUT_OF_STOCK', sku: 'B' } },
    ]);
  });

  it('adds up the lines of one sku: two lines of 2 do not fit in 3', () => {
    const products = catalog(product('A', 3));

    const decision = changed(
      reserve(undefined, order({ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 2 }), products, 1_000),
    );

    expect(decision.emit).toEqual([
      expect.objectContaining({ body: { orderId: 'o-1', reason: 'OUT_OF_STOCK', sku: 'A' } }),
    ]);
  });

  it('fails with UNKNOWN_SKU before looking at stock when a product does not exist', () => {
    const products = catalog(product('A', 0));

    const decision = changed(
      reserve(undefined, order({ sku: 'A', quantity: 1 }, { sku: 'NOPE', quantity: 1 }), products, 1_000),
    );

    expect(decision.products).toEqual([]);
    expect(decision.emit).toEqual([
      expect.objectContaining({ body: { orderId: 'o-1', reason: 'UNKNOWN_SKU', sku: 'NOPE' } }),
    ]);
  });

  it('ignores a repeated OrderPlaced, whether the first one reserved or failed', () => {
    const products = catalog(product('A', 10));
    const { reservation } = reserved(products, { sku: 'A', quantity: 1 });
    const failed = changed(reserve(undefined, order({ sku: 'A', quantity: 99 }), products, 1_000)).reservation!;

    expect(reserve(reservation, order({ sku: 'A', quantity: 1 }), products, 2_000)).toMatchObject({ kind: 'ignored' });
    expect(reserve(failed, order({ sku: 'A', quantity: 1 }), products, 2_000)).toMatchObject({ kind: 'ignored' });
  });

  it('rejects an order without lines or with a non-positive quantity as a broken contract', () => {
    const products = catalog(product('A', 10));

    expect(() => reserve(undefined, order(), products, 1_000)).toThrow(BusinessRuleError);
    expect(() => reserve(undefined, order({ sku: 'A', quantity: 0 }), products, 1_000)).toThrow(BusinessRuleError);
  });
});

describe('settling a reservation', () => {
  const given = () =>
    reserved(
      catalog(product('A', 10), product('B', 5)),
      { sku: 'A', quantity: 2 },
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 1 },
    );

  it('releases the stock when the order is cancelled', () => {
    const { reservation, products } = given();

    const decision = changed(release(reservation, products, 2_000));

    expect(decision.products).toEqual([
      expect.objectContaining({ sku: 'A', available: 10, reserved: 0, sold: 0 }),
      expect.objectContaining({ sku: 'B', available: 5, reserved: 0, sold: 0 }),
    ]);
    expect(decision.reservation).toMatchObject({ status: 'RELEASED', updatedAt: 2_000 });
    expect(decision.emit[0]).toEqual({
      type: 'StockReleased',
      key: 'o-1',
      body: { orderId: 'o-1', lines: reservation.lines },
    });
    expect(decision.emit.slice(1).map((e) => e.key)).toEqual(['A', 'B']);
  });

  it('turns the reservation into a sale when the order is confirmed', () => {
    const { reservation, products } = given();

    const decision = changed(sell(reservation, products, 2_000));

    expect(decision.products).toEqual([
      expect.objectContaining({ sku: 'A', available: 7, reserved: 0, sold: 3 }),
      expect.objectContaining({ sku: 'B', available: 4, reserved: 0, sold: 1 }),
    ]);
    expect(decision.reservation).toMatchObject({ status: 'SOLD' });
    expect(decision.emit.map((e) => e.type)).toEqual(['StockSold', 'StockLevelChanged', 'StockLevelChanged']);
  });

  it('settles a reservation once: no release after a sale, no second release, nothing for a failed one', () => {
    const { reservation, products } = given();
    const sold = changed(sell(reservation, products, 2_000)).reservation!;
    const releasedOnce = changed(release(reservation, products, 2_000)).reservation!;
    const failed = changed(reserve(undefined, order({ sku: 'A', quantity: 99 }), products, 1_000)).reservation!;

    expect(release(sold, products, 3_000)).toMatchObject({ kind: 'ignored' });
    expect(release(releasedOnce, products, 3_000)).toMatchObject({ kind: 'ignored' });
    expect(sell(releasedOnce, products, 3_000)).toMatchObject({ kind: 'ignored' });
    expect(release(failed, products, 3_000)).toMatchObject({ kind: 'ignored' });
    expect(release(undefined, products, 3_000)).toMatchObject({ kind: 'ignored' });
  });
});
