// The end of every chaos run: every order ends as its kind of order must, every invariant holds once
// compensations have settled, nothing was dead-lettered; the figures are printed either way.
import type { OrderView, SystemClients } from '@saga/client';
import type { TestSystem } from '../support/system';
import { newDeadLetters } from './dead-letters';
import type { RestartWatch } from './faults';
import { outcomeViolations, sagaViolations } from './invariants';
import { allTerminal, outcomesOf, settled, stockLevels, type PlacedOrder } from './load';

const ALL_TERMINAL_MS = 240_000;
const SETTLE_MS = 90_000;

export interface RunFigures {
  since: number;
  watch: RestartWatch;
  [figure: string]: unknown;
}

/** Waits for every order to end, then until every invariant holds; prints the figures. */
export async function expectSagaInvariants(
  system: TestSystem,
  clients: SystemClients,
  placed: PlacedOrder[],
  start: Map<string, number>,
  deadLettersBefore: Map<string, number>,
  { since, watch, ...figures }: RunFigures,
): Promise<void> {
  const ids = placed.map((order) => order.id);
  const orders: OrderView[] = await allTerminal(clients.gateway, ids, ALL_TERMINAL_MS);
  const terminalMs = Date.now() - since;
  const restarts = watch.stop();
  const violations = await settled(async () => {
    const [outcomes, levels] = await Promise.all([
      outcomesOf(clients, orders),
      stockLevels(clients.gateway, start.keys()),
    ]);
    return outcomes && levels && sagaViolations(start, levels, outcomes);
  }, SETTLE_MS);
  const settledMs = Date.now() - since - terminalMs;
  const outcomes = orders.reduce<Record<string, number>>((counts, { status, cancellationReason }) => {
    const outcome = cancellationReason ?? status;
    return { ...counts, [outcome]: (counts[outcome] ?? 0) + 1 };
  }, {});
  console.log(
    JSON.stringify(
      { orders: ids.length, ...figures, terminalMs, settledMs, restarts, outcomes, logFile: system.logFile },
      null,
      2,
    ),
  );
  expect(violations).toEqual([]);
  expect(outcomeViolations(new Map(placed.map((order) => [order.id, order.expected])), orders)).toEqual([]);
  expect(await newDeadLetters(deadLettersBefore)).toEqual([]);
  expect(outcomes.CONFIRMED).toBeGreaterThan(0);
}
