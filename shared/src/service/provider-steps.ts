// One way to drive state that needs external provider calls (a charge, a booking) to rest: record the
// intent, call the provider, record the result. The intent is committed on its own before the call, so
// from then on anyone handling the order knows the call may have taken effect; the result is committed
// with the events it causes, in the handler's commit. A call whose intent is on disk but whose result is
// not (a crash, a lost answer) is "in doubt": the domain then asks for a lookup by idempotency key
// before anything else, so it is settled by what the provider actually did, never by calling again
// blindly (which would charge a cancelled order only to refund it).
import type { HandlerContext } from './messaging';
import type { EventType } from '../generated/events';

/** An event a step emits: its type and body, stamped and written to the outbox by the commit. */
export interface StepEmission {
  type: EventType;
  body: unknown;
}

export interface StepResult<S> {
  state: S;
  emit: readonly StepEmission[];
}

/** The provider call a state needs next. */
export interface ProviderCall<S> {
  /** The state to commit before the call (the intent), when the call can take effect at the provider. */
  intent?: S;
  /** Makes the call (or the lookup) and says what it changed. */
  perform(): Promise<StepResult<S>>;
}

export interface StepDriver<S> {
  /** The call `state` needs next; undefined once it is at rest. Each call must move the state forward. */
  next(state: S): ProviderCall<S> | undefined;
  /** Commits the intent in a transaction of its own. */
  saveIntent(state: S): Promise<void>;
  /** Writes the result; runs inside the handler's commit. */
  save(state: S): Promise<void>;
}

/** A domain that asks for more calls than this is looping, which is a bug: fail instead of spinning. */
const MAX_CALLS = 5;

/** Drives `start` to rest through `driver`, then commits the final state and every event in one go. */
export async function runProviderSteps<S>(
  start: S,
  driver: StepDriver<S>,
  context: Pick<HandlerContext, 'commit' | 'emit'>,
): Promise<StepResult<S>> {
  let state = start;
  const emitted: StepEmission[] = [];
  for (let calls = 0, call = driver.next(state); call; call = driver.next(state)) {
    if (++calls > MAX_CALLS) throw new Error(`provider steps did not come to rest after ${MAX_CALLS} calls`);
    if (call.intent !== undefined) await driver.saveIntent(call.intent);
    const result = await call.perform();
    state = result.state;
    emitted.push(...result.emit);
  }
  await context.commit(async () => {
    await driver.save(state);
    for (const { type, body } of emitted) context.emit(type, body as never);
  });
  return { state, emit: emitted };
}
