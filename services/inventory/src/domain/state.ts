// What the inventory keeps (products and the reservation of each order) and the shape of every
// decision over it: the rows to save and the events to emit, each with its Kafka key.
import type { Body, PricedLine, ReservationFailure } from '@saga/shared';

export interface Product {
  sku: string;
  name: string;
  unitPriceCents: number;
  currency: string;
  /** Free to reserve. */
  available: number;
  /** Held for orders still in flight. */
  reserved: number;
  /** Gone with confirmed orders. */
  sold: number;
}

/** FAILED is recorded too, so a repeated OrderPlaced cannot reserve what was refused once. */
export type ReservationStatus = 'RESERVED' | 'RELEASED' | 'SOLD' | 'FAILED';

export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  /** The order's lines as placed, priced at reservation time; empty when the reservation failed. */
  lines: PricedLine[];
  failure: { reason: ReservationFailure; sku: string } | null;
  createdAt: number;
  updatedAt: number;
}

type Produced = 'StockReserved' | 'StockReservationFailed' | 'StockReleased' | 'StockSold' | 'StockLevelChanged';

/** Reservation facts are keyed by order id, stock levels by sku (the compacted topic keeps one per sku). */
export type Emission = { [T in Produced]: { type: T; body: Body<T>; key: string } }[Produced];

export type Decision =
  | { kind: 'changed'; products: Product[]; reservation: Reservation | null; emit: Emission[] }
  | { kind: 'ignored'; why: string };

export const ignored = (why: string): Decision => ({ kind: 'ignored', why });

/** The event that tells readers (the gateway's read model) a product's current level. */
export function stockLevelChanged(product: Product): Emission {
  const { sku, name, unitPriceCents, currency, available, reserved, sold } = product;
  return {
    type: 'StockLevelChanged',
    body: { sku, name, unitPriceCents, currency, available, reserved, sold },
    key: sku,
  };
}
