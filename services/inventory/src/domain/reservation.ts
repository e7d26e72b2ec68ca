// An order's reservation as pure decisions: reserve every line or none on OrderPlaced, give the stock
// back on OrderCancelled, turn it into a sale on OrderConfirmed. Each runs at most once per order.
import {
  BusinessRuleError,
  InvariantError,
  type OrderLine,
  type OrderPlaced,
  type PricedLine,
  type ReservationFailure,
} from '@saga/shared';
import { ignored, stockLevelChanged, type Decision, type Product, type Reservation } from './state';

/** The products a decision may touch, by sku; a sku missing here is unknown to the catalog. */
export type Products = ReadonlyMap<string, Product>;

/** Quantities per sku, in order of first appearance: a sku on two lines needs both quantities at once. */
function quantitiesBySku(lines: readonly OrderLine[]): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const { sku, quantity } of lines) quantities.set(sku, (quantities.get(sku) ?? 0) + quantity);
  return quantities;
}

function productOf(products: Products, sku: string): Product {
  const product = products.get(sku);
  // Products are never removed, so a reserved sku is always there: missing means a bug, not a bad event.
  if (!product) throw new InvariantError(`product ${sku} of a reservation is missing from the store`);
  return product;
}

function failed(orderId: string, reason: ReservationFailure, sku: string, now: number): Decision {
  const reservation: Reservation = {
    orderId,
    status: 'FAILED',
    lines: [],
    failure: { reason, sku },
    createdAt: now,
    updatedAt: now,
  };
  const emit = [{ type: 'StockReservationFailed' as const, body: { orderId, reason, sku }, key: orderId }];
  return { kind: 'changed', products: [], reservation, emit };
}

export function reserve(
  existing: Reservation | undefined,
  order: Pick<OrderPlaced, 'orderId' | 'items'>,
  products: Products,
  now: number,
): Decision {
  const { orderId, items } = order;
  if (existing) return ignored(`order already has a ${existing.status} reservation`); // a repeated OrderPlaced
  if (items.length === 0 || items.some((line) => !Number.isInteger(line.quantity) || line.quantity <= 0)) {
    throw new BusinessRuleError(`order ${orderId} has no lines or a line without a positive quantity`);
  }
  const wanted = quantitiesBySku(items);
  for (const sku of wanted.keys()) if (!products.has(sku)) return failed(orderId, 'UNKNOWN_SKU', sku, now);
  for (const [sku, quantity] of wanted) {
    if (quantity > productOf(products, sku).available) return failed(orderId, 'OUT_OF_STOCK', sku, now);
  }
  const changed = [...wanted].map(([sku, quantity]) => {
    const product = productOf(products, sku);
    return { ...product, available: product.available - quantity, reserved: product.reserved + quantity };
  });
  const lines: PricedLine[] = items.map(({ sku, quantity }) => ({
    sku,
    quantity,
    unitPriceCents: productOf(products, sku).unitPriceCents,
  }));
  const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  // The catalog has one currency (checked when it is read), so any line's product tells it.
  const currency = productOf(products, lines[0]!.sku).currency;
  return {
    kind: 'changed',
    products: changed,
    reservation: { orderId, status: 'RESERVED', lines, failure: null, createdAt: now, updatedAt: now },
    emit: [
      { type: 'StockReserved', body: { orderId, lines, totalCents, currency }, key: orderId },
      ...changed.map(stockLevelChanged),
    ],
  };
}

/** Moves a RESERVED reservation's quantities out of `reserved`, into `available` or `sold`. */
function settle(
  reservation: Reservation | undefined,
  products: Products,
  now: number,
  outcome: { status: 'RELEASED'; event: 'StockReleased' } | { status: 'SOLD'; event: 'StockSold' },
): Decision {
  if (!reservation) return ignored('no reservation for this order');
  if (reservation.status !== 'RESERVED') return ignored(`reservation is already ${reservation.status}`);
  const changed = [...quantitiesBySku(reservation.lines)].map(([sku, quantity]) => {
    const product = productOf(products, sku);
    const moved = { ...product, reserved: product.reserved - quantity };
    return outcome.status === 'RELEASED'
      ? { ...moved, available: product.available + quantity }
      : { ...moved, sold: product.sold + quantity };
  });
  const { orderId, lines } = reservation;
  return {
    kind: 'changed',
    products: changed,
    reservation: { ...reservation, status: outcome.status, updatedAt: now },
    emit: [{ type: outcome.event, body: { orderId, lines }, key: orderId }, ...changed.map(stockLevelChanged)],
  };
}

/** Compensation for a cancelled order: the reserved stock is available again. */
export function release(reservation: Reservation | undefined, products: Products, now: number): Decision {
  return settle(reservation, products, now, { status: 'RELEASED', event: 'StockReleased' });
}

/** The order is confirmed: what was reserved is sold. */
export function sell(reservation: Reservation | undefined, products: Products, now: number): Decision {
  return settle(reservation, products, now, { status: 'SOLD', event: 'StockSold' });
}
