// Commits a decision: the new order state and its events in one transaction (via the outbox).
import type { Emitter, HandlerContext } from '@saga/shared';
import type { Decision } from '../domain/order';
import type { OrderStore } from '../store';

export async function applyDecision(
  decision: Decision,
  store: OrderStore,
  context: Emitter & Pick<HandlerContext, 'commit'>,
  log?: HandlerContext['log'],
): Promise<void> {
  if (decision.kind === 'ignored') {
    log?.info({ why: decision.why }, 'event changes nothing');
    await context.commit(() => undefined);
    return;
  }
  await context.commit(async () => {
    await store.save(decision.order);
    for (const { type, body } of decision.emit) context.emit(type, body as never);
  });
  log?.info({ status: decision.order.status, emitted: decision.emit.map((e) => e.type) }, 'order updated');
}
