// The saga's invariants after chaos, as pure functions of what the gateway and the fake providers show.
// Each returns one line per violation, so a failing assertion names every order and sku that broke a rule.
import type { ChargeView, ShipmentView } from '@saga/client';

/** One order as everyone saw it: the gateway's view and timeline, the provider's charges and shipments. */
export interface OrderOutcome {
  orderId: string;
  status: string;
  cancellationReason?: string;
  items: { sku: string; quantity: number }[];
  charges: ChargeView[];
  shipments: ShipmentView[];
  /** Event types of the order's timeline (GET /orders/{id}/events). */
  timeline: string[];
}

export interface StockLevel {
  sku: string;
  available: number;
  reserved: number;
}

/** Every rule one order must satisfy once the saga is over, compensations included. */
export function orderViolations(outcome: OrderOutcome): string[] {
  const { orderId, status, charges, shipments, timeline } = outcome;
  const violations: string[] = [];
  const violated = (rule: string) => violations.push(`order ${orderId} (${status}): ${rule}`);
  const kept = charges.filter((charge) => charge.status === 'succeeded');
  const made = shipments.filter((shipment) => shipment.status !== 'refused');
  const booked = shipments.filter((shipment) => shipment.status === 'booked');

  if (status !== 'CONFIRMED' && status !== 'CANCELLED') violated('not terminal');
  if (kept.length > 1) violated(`charged ${kept.length} times`);
  if (made.length > 1) violated(`shipped ${made.length} times`);
  if (status === 'CONFIRMED') {
    if (kept.some((charge) => charge.refunded)) violated('refunded and confirmed');
    if (kept.length !== 1) violated(`confirmed with ${kept.length} succeeded charges`);
    if (booked.length !== 1) violated(`confirmed with ${booked.length} booked shipments`);
    if (!timeline.includes('StockSold')) violated('confirmed but its stock was not sold');
  }
  if (status === 'CANCELLED') {
    if (kept.some((charge) => !charge.refunded)) violated('cancelled but its payment was not refunded');
    if (booked.length > 0) violated('cancelled but its shipment is still booked');
    if (timeline.includes('StockReserved') && !timeline.includes('StockReleased')) {
      violated('cancelled but its reserved stock was not released');
    }
    if (timeline.includes('StockSold')) violated('cancelled but its stock was sold');
  }
  return violations;
}

/** Units of each sku that CONFIRMED orders took. */
export function soldBy(outcomes: readonly OrderOutcome[]): Map<string, number> {
  const sold = new Map<string, number>();
  for (const { status, items } of outcomes) {
    if (status !== 'CONFIRMED') continue;
    for (const { sku, quantity } of items) sold.set(sku, (sold.get(sku) ?? 0) + quantity);
  }
  return sold;
}

/**
 * Stock is conserved: for every sku, what is available, what is still reserved and what confirmed
 * orders took add up to the level at the start; and once the saga is over nothing stays reserved.
 */
export function stockViolations(
  start: ReadonlyMap<string, number>,
  levels: readonly StockLevel[],
  outcomes: readonly OrderOutcome[],
): string[] {
  const sold = soldBy(outcomes);
  const violations: string[] = [];
  for (const [sku, initial] of start) {
    const level = levels.find((candidate) => candidate.sku === sku);
    if (!level) {
      violations.push(`sku ${sku}: no stock level`);
      continue;
    }
    const accounted = level.available + level.reserved + (sold.get(sku) ?? 0);
    if (accounted !== initial) {
      violations.push(
        `sku ${sku}: available ${level.available} + reserved ${level.reserved} + sold ${sold.get(sku) ?? 0} = ${accounted}, started with ${initial}`,
      );
    }
    if (level.reserved !== 0) violations.push(`sku ${sku}: ${level.reserved} still reserved`);
  }
  return violations;
}

export function sagaViolations(
  start: ReadonlyMap<string, number>,
  levels: readonly StockLevel[],
  outcomes: readonly OrderOutcome[],
): string[] {
  return [...outcomes.flatMap(orderViolations), ...stockViolations(start, levels, outcomes)];
}

/** Each order ended as its kind of order must (see load.ts expectedOutcomes): never TIMED_OUT, for one. */
export function outcomeViolations(
  expected: ReadonlyMap<string, readonly string[]>,
  orders: readonly { orderId: string; status: string; cancellationReason?: string }[],
): string[] {
  const violations: string[] = [];
  if (orders.length !== expected.size) violations.push(`${orders.length} orders read, ${expected.size} placed`);
  for (const { orderId, status, cancellationReason } of orders) {
    const outcome = cancellationReason ?? status;
    const allowed = expected.get(orderId) ?? [];
    if (!allowed.includes(outcome))
      violations.push(`order ${orderId} ended ${outcome}, expected ${allowed.join(' or ')}`);
  }
  return violations;
}
