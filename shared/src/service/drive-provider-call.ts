// Drives an order's provider call to rest, one step at a time as its lifecycle decides (provider-call.ts),
// then commits the final state and every event in the handler's commit. The intent of a call is
// committed (a checkpoint) before the call is made, so from then on whoever handles the order (a retry,
// OrderCancelled) knows the call may have taken effect and looks it up instead of calling again. In a
// batch, the orders' intents are committed together, their calls run concurrently, and their results
// are committed together.
import type { HandlerContext } from './messaging';
import type { CallStep, CallTypes, ProviderCallLifecycle, Transition } from './provider-call';
import type { ProviderCallStore } from './provider-call-store';

/** The provider's side of a call, in the lifecycle's terms: a service maps its client's calls onto these. */
export interface ProviderCalls<T extends CallTypes> {
  /** Makes the call; the provider makes it at most once under the request's idempotency key. */
  call(request: T['request']): Promise<T['outcome']>;
  /** What a call made under `idempotencyKey` came to; undefined if the provider never made one. */
  lookup(idempotencyKey: string): Promise<T['outcome'] | undefined>;
  /** Undoes a done call; idempotent at the provider, so a repeat after a crash is harmless. */
  undo(request: T['undo']): Promise<void>;
}

export type ProviderCallDeps<T extends CallTypes> = ProviderCalls<T> & { store: ProviderCallStore<T['state']> };

/** A lifecycle that asks for more steps than this is looping, which is a bug: fail instead of spinning. */
const MAX_STEPS = 5;

export async function driveProviderCall<T extends CallTypes>(
  lifecycle: ProviderCallLifecycle<T>,
  changed: T['state'],
  context: Pick<HandlerContext, 'commit' | 'checkpoint' | 'emit' | 'log'>,
  deps: ProviderCallDeps<T>,
): Promise<void> {
  let state = changed;
  const emitted: T['event'][] = [];
  let step = lifecycle.nextStep(state);
  for (let steps = 1; step.kind !== 'rest'; steps++) {
    // Not retriable (a plain Error is a bug to the runtime): the record is dead-lettered, not retried.
    if (steps > MAX_STEPS) throw new Error(`${lifecycle.name} did not come to rest after ${MAX_STEPS} steps`);
    const next = await take(step, lifecycle, deps, context);
    state = next.state;
    emitted.push(...next.emit);
    step = lifecycle.nextStep(state);
  }
  await context.commit(async () => {
    await deps.store.save(state);
    for (const { type, body } of emitted) context.emit(type, body as never);
  });
  context.log.debug({ status: state.status, emitted: emitted.map((e) => e.type) }, `${lifecycle.name} updated`);
}

/** One step: the call (its intent committed first), the lookup of a call in doubt, or the undo. */
async function take<T extends CallTypes>(
  step: Exclude<CallStep<T>, { kind: 'rest' }>,
  lifecycle: ProviderCallLifecycle<T>,
  deps: ProviderCallDeps<T>,
  context: Pick<HandlerContext, 'checkpoint'>,
): Promise<Transition<T>> {
  switch (step.kind) {
    case 'call':
      // The intent, committed before the call leaves (in a batch, with the other orders' intents).
      await context.checkpoint(() => deps.store.save(step.state));
      return lifecycle.afterCall(step, await deps.call(step.request), Date.now());
    case 'lookup':
      return lifecycle.afterLookup(step, await deps.lookup(step.request.idempotencyKey), Date.now());
    case 'undo':
      await deps.undo(step.request);
      return lifecycle.afterUndo(step, Date.now());
  }
}
