// A product's current stock level: the latest StockLevelChanged for its sku. inventory.stock is
// compacted and keyed by sku, so log order per sku is the order of changes: the last record wins.
import type { StockLevelChanged } from '@saga/shared';

export interface ProductState {
  sku: string;
  name: string;
  unitPriceCents: number;
  currency: string;
  available: number;
  reserved: number;
  sold: number;
  updatedAt: number;
}

export function productOf(event: StockLevelChanged): ProductState {
  const { envelope, ...level } = event;
  return { ...level, updatedAt: envelope.occurredAt };
}
