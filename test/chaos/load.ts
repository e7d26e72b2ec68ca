// The chaos tests' load and what they read back. Reads tolerate a process that is restarting: a failed
// request means "not yet", never an answer, so polling rides over restarts of the gateway or a provider.
import {
  orderRequest,
  type GatewayClient,
  type OrderView,
  type PlaceOrderRequest,
  type SystemClients,
} from '@saga/client';
import { WaitTimedOutError } from '@saga/shared';
import type { OrderOutcome, StockLevel } from './invariants';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Order `i` of a mix where most orders succeed and every failure path is taken: one in ten declined,
 * one in ten undeliverable, one in ten for SKU-005 (3 in stock, so most of those are out of stock).
 */
export function mixedOrder(i: number): PlaceOrderRequest {
  if (i % 10 === 3) return orderRequest([{ sku: 'SKU-001', quantity: 1 }], { kind: 'declined' });
  if (i % 10 === 7) return orderRequest([{ sku: 'SKU-004', quantity: 2 }], { kind: 'unshippable' });
  if (i % 10 === 5) return orderRequest([{ sku: 'SKU-005', quantity: 1 }]);
  const line = [
    { sku: 'SKU-001', quantity: 1 + (i % 2) },
    { sku: 'SKU-004', quantity: 1 + (i % 3) },
    { sku: 'SKU-006', quantity: 1 },
  ][i % 3]!;
  return orderRequest(i % 4 === 0 ? [line, { sku: 'SKU-002', quantity: 1 }] : [line]);
}

/**
 * How order `i` of the mix may end (its cancellationReason, or CONFIRMED). Only SKU-005 may run out;
 * the other lines fit the catalog's stock, so a crash may delay them but never change how they end.
 * TIMED_OUT is never expected: a lost or stuck event surfaces as one.
 */
export function expectedOutcomes(i: number): readonly string[] {
  if (i % 10 === 3) return ['PAYMENT_DECLINED'];
  if (i % 10 === 7) return ['SHIPPING_FAILED'];
  if (i % 10 === 5) return ['CONFIRMED', 'OUT_OF_STOCK'];
  return ['CONFIRMED'];
}

export interface PlacedOrder {
  id: string;
  expected: readonly string[];
}

/** Places orders `from` .. `from + count - 1` of the mix at once; returns their ids and expected outcomes. */
export function placeMixed(gateway: GatewayClient, from: number, count: number): Promise<PlacedOrder[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      id: (await gateway.placeOrder(mixedOrder(from + i))).orderId,
      expected: expectedOutcomes(from + i),
    })),
  );
}

async function attempt<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined; // connection refused while a process restarts: poll again
  }
}

/** In chunks, so a 2-core machine under chaos is not also flooded with hundreds of parallel requests. */
async function inChunks<T, R>(items: readonly T[], read: (item: T) => Promise<R>, size = 20): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(read))));
  return results;
}

const isTerminal = (order: OrderView | undefined) => order?.status === 'CONFIRMED' || order?.status === 'CANCELLED';

export async function ordersNow(gateway: GatewayClient, ids: readonly string[]): Promise<(OrderView | undefined)[]> {
  return inChunks(ids, (id) => attempt(() => gateway.order(id)));
}

export async function inFlight(gateway: GatewayClient, ids: readonly string[]): Promise<number> {
  return (await ordersNow(gateway, ids)).filter((order) => !isTerminal(order)).length;
}

/** Waits until every order is CONFIRMED or CANCELLED; the error names the ones that are not. */
export async function allTerminal(
  gateway: GatewayClient,
  ids: readonly string[],
  timeoutMs: number,
): Promise<OrderView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const orders = await ordersNow(gateway, ids);
    const pending = ids.filter((_, i) => !isTerminal(orders[i]));
    if (pending.length === 0) return orders as OrderView[];
    if (Date.now() > deadline) {
      throw new WaitTimedOutError(
        `${pending.length} of ${ids.length} orders not terminal after ${timeoutMs} ms: ${pending}`,
      );
    }
    await sleep(500);
  }
}

/** Everything the invariants look at for these orders, or undefined when some read failed this time. */
export async function outcomesOf(
  { gateway, providers }: SystemClients,
  orders: readonly OrderView[],
): Promise<OrderOutcome[] | undefined> {
  const outcomes = await inChunks(orders, async (order) => {
    const [charges, shipments, timeline] = await Promise.all([
      attempt(() => providers.charges(order.orderId)),
      attempt(() => providers.shipments(order.orderId)),
      attempt(async () => (await gateway.timeline(order.orderId)).map((entry) => entry.type)),
    ]);
    if (!charges || !shipments || !timeline) return undefined;
    return { ...order, charges, shipments, timeline };
  });
  return outcomes.every(Boolean) ? (outcomes as OrderOutcome[]) : undefined;
}

export async function stockLevels(gateway: GatewayClient, skus: Iterable<string>): Promise<StockLevel[] | undefined> {
  const levels = await Promise.all([...skus].map((sku) => attempt(() => gateway.stock(sku))));
  return levels.every((level) => typeof level?.available === 'number') ? (levels as StockLevel[]) : undefined;
}

/**
 * Compensations and projections are eventually consistent: polls `check` until it finds no violation,
 * and returns the last violations found when `timeoutMs` runs out (a real violation does not go away).
 */
export async function settled(check: () => Promise<string[] | undefined>, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = ['could not read the outcomes (a process kept failing)'];
  for (;;) {
    last = (await check()) ?? last;
    if (last.length === 0 || Date.now() > deadline) return last;
    await sleep(1_000);
  }
}
