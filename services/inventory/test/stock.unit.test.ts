// Product-level decisions (seeding, restocking), given/when/then, without I/O.
import { BusinessRuleError } from '@saga/shared';
import type { Product } from '../src/domain/state';
import { addToCatalog, restock, type CatalogEntry } from '../src/domain/stock';

const entry: CatalogEntry = {
  sku: 'SKU-001',
  name: 'Espresso beans 1 kg',
  unitPriceCents: 1_999,
  currency: 'EUR',
  stock: 100,
};
const stocked: Product = { ...entry, available: 7, reserved: 2, sold: 91 };

describe('product decisions', () => {
  it('seeds a new catalog product with its stock available and announces its level, keyed by sku', () => {
    const decision = addToCatalog(undefined, entry);

    const level = {
      sku: 'SKU-001',
      name: 'Espresso beans 1 kg',
      unitPriceCents: 1_999,
      currency: 'EUR',
      available: 100,
      reserved: 0,
      sold: 0,
    };
    expect(decision).toEqual({
      kind: 'changed',
      products: [level],
      reservation: null,
      emit: [{ type: 'StockLevelChanged', key: 'SKU-001', body: level }],
    });
  });

  it('leaves a product the store already has alone when seeding again', () => {
    expect(addToCatalog(stocked, entry)).toMatchObject({ kind: 'ignored' });
  });

  it('restocks into available and announces the new level', () => {
    const decision = restock(stocked, 'SKU-001', 20);

    expect(decision).toMatchObject({
      kind: 'changed',
      products: [{ sku: 'SKU-001', available: 27, reserved: 2, sold: 91 }],
      emit: [{ type: 'StockLevelChanged', key: 'SKU-001', body: expect.objectContaining({ available: 27 }) }],
    });
  });

  it.each([
    ['an unknown sku', undefined, 5],
    ['a quantity of zero', stocked, 0],
    ['a negative quantity', stocked, -3],
    ['more than an Avro int can count', stocked, 2 ** 31 - 1],
  ])('refuses to restock %s with a non-retriable BusinessRuleError', (_, product, quantity) => {
    expect(() => restock(product, 'SKU-001', quantity)).toThrow(BusinessRuleError);
  });
});
