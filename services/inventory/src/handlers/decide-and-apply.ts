// Decides and commits in one transaction: the state is read, the pure decision taken, and the changed
// rows and emitted events written (via the outbox) together.
import type { Emitter, HandlerContext } from '@saga/shared';
import type { Products } from '../domain/reservation';
import type { Decision, Reservation } from '../domain/state';
import type { InventoryStore } from '../store';

/**
 * Unlike the order service, the read happens inside the commit: the runtime's lock is per order (or
 * per sku), but one product's stock is shared by many orders handled concurrently. Transactions are
 * serialised, so reading there makes each read-decide-write atomic for the products as well.
 */
export async function decideAndApply(
  store: InventoryStore,
  context: Emitter & Pick<HandlerContext, 'commit'>,
  decide: () => Promise<Decision>,
  log?: HandlerContext['log'],
): Promise<Decision> {
  const decision = await context.commit(async () => {
    const decided = await decide();
    if (decided.kind === 'ignored') return decided;
    await store.saveProducts(decided.products);
    if (decided.reservation) await store.saveReservation(decided.reservation);
    for (const { type, body, key } of decided.emit) context.emit(type, body as never, key);
    return decided;
  });
  if (decision.kind === 'ignored') log?.debug({ why: decision.why }, 'event changes nothing');
  else log?.debug({ emitted: decision.emit.map((e) => e.type) }, 'stock updated');
  return decision;
}

/** Settles an order's reservation (release or sell): reads it and its products, then decides. */
export function settleReservation(
  store: InventoryStore,
  orderId: string,
  context: Emitter & Pick<HandlerContext, 'commit' | 'log'>,
  settle: (reservation: Reservation | undefined, products: Products, now: number) => Decision,
): Promise<Decision> {
  return decideAndApply(
    store,
    context,
    async () => {
      const reservation = await store.reservation(orderId);
      const products = await store.products(reservation?.lines.map((line) => line.sku) ?? []);
      return settle(reservation, products, Date.now());
    },
    context.log,
  );
}
