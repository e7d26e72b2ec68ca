// Product-level decisions: adding a catalog product and restocking one. Neither touches an order.
import { BusinessRuleError } from '@saga/shared';
import { ignored, stockLevelChanged, type Decision, type Product } from './state';

/** Stock levels travel as Avro ints. */
const MAX_STOCK = 2 ** 31 - 1;

/** A catalog entry as seeded: the product with its initial stock, nothing reserved or sold yet. */
export interface CatalogEntry {
  sku: string;
  name: string;
  unitPriceCents: number;
  currency: string;
  stock: number;
}

/** Seeds a catalog product; a product the store already has keeps its own levels (the store owns them). */
export function addToCatalog(existing: Product | undefined, entry: CatalogEntry): Decision {
  if (existing) return ignored('product already in the store');
  const { sku, name, unitPriceCents, currency, stock } = entry;
  const product: Product = { sku, name, unitPriceCents, currency, available: stock, reserved: 0, sold: 0 };
  return { kind: 'changed', products: [product], reservation: null, emit: [stockLevelChanged(product)] };
}

/** Thrown rather than ignored: a restock of nothing is a bad command, and goes to the dead-letter topic. */
export function restock(product: Product | undefined, sku: string, quantity: number): Decision {
  if (!product) throw new BusinessRuleError(`cannot restock unknown sku ${sku}`);
  if (!Number.isInteger(quantity) || quantity <= 0) {
    throw new BusinessRuleError(`restock quantity must be a positive integer, got ${quantity} for ${sku}`);
  }
  const total = product.available + product.reserved + product.sold + quantity;
  if (total > MAX_STOCK) throw new BusinessRuleError(`restocking ${sku} by ${quantity} exceeds ${MAX_STOCK} units`);
  const restocked = { ...product, available: product.available + quantity };
  return { kind: 'changed', products: [restocked], reservation: null, emit: [stockLevelChanged(restocked)] };
}
