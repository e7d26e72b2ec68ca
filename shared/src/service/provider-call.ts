// An order's one call to an external provider (a charge, a booking) as pure decisions, the same for
// every service that makes one. The call waits until the state holds all it needs, and its intent
// (status `calling`) is recorded before it is made. A call whose intent is recorded but whose answer is
// not is "in doubt": it is settled by looking it up under its idempotency key, never by calling again.
// Once the order is cancelled, a call not yet made never will be, and what a call did is undone.
// A service declares only what is its own (ProviderCallSpec): its statuses, its request, what an
// answer means, and how to undo it. drive-provider-call.ts performs the steps decided here.
import type { EventType } from '../generated/events';

/** The lifecycle's phases, each named by a status of the service's own (CHARGING, BOOKING, …). */
export interface CallStatuses<Status extends string = string> {
  /** Nothing asked of the provider yet; the call may still be waiting for what it needs. */
  idle: Status;
  /** The intent is recorded and the answer is not: the call may have taken effect. */
  calling: Status;
  /** The provider did it (charged, booked). */
  done: Status;
  /** The provider refused (declined, undeliverable): nothing to undo. */
  refused: Status;
  /** Done, then undone because the order was cancelled (refunded, cancelled). */
  undone: Status;
  /** The order was cancelled before anything was done; nothing ever will be. */
  cancelled: Status;
}

/** What the lifecycle reads and writes of a service's state; the rest of the state is the service's own. */
export interface CallState {
  orderId: string;
  status: string;
  /** The order was cancelled: a call still in doubt is settled and then undone, silently. */
  orderCancelled: boolean;
  updatedAt: number;
}

/** An event the call is reported with: its type and body, stamped and written to the outbox by the commit. */
export interface CallEvent {
  type: EventType;
  body: unknown;
}

/** The types one service's call is made of. */
export interface CallTypes {
  state: CallState;
  /** The call, made at most once by the provider under its key. */
  request: { idempotencyKey: string };
  /** The provider's answer to the call, or what a lookup found. */
  outcome: unknown;
  /** What undoing a done call takes. */
  undo: unknown;
  event: CallEvent;
}

/** What an answer means: done or refused, the state it leaves (with a charge id to keep), and its event. */
export interface Answer<T extends CallTypes> {
  phase: 'done' | 'refused';
  state: T['state'];
  event: T['event'];
}

/** A service's own part of the call. */
export interface ProviderCallSpec<T extends CallTypes> {
  /** Names the call in the log line of each handling ("payment updated"). */
  name: string;
  statuses: CallStatuses<T['state']['status']>;
  /** The service's own fields of an order nothing is known of yet. */
  blank: Omit<T['state'], keyof CallState>;
  /** The call, once the state holds all it needs; undefined until then. */
  request(state: T['state']): T['request'] | undefined;
  answered(state: T['state'], request: T['request'], outcome: T['outcome']): Answer<T>;
  /** How to undo a done call, and the event reporting it once undone; undefined if nothing was done. */
  undo(state: T['state']): { request: T['undo']; event: T['event'] } | undefined;
}

export type CallStep<T extends CallTypes> =
  /** Make the call; `state` is the intent, committed before the call is made. */
  | { kind: 'call'; state: T['state']; request: T['request'] }
  /** The call is in doubt: find out under the request's key what the provider did. */
  | { kind: 'lookup'; state: T['state']; request: T['request'] }
  /** Undo what the call did; `event` reports it once undone. */
  | { kind: 'undo'; state: T['state']; request: T['undo']; event: T['event'] }
  | { kind: 'rest' };

export type AnsweredStep<T extends CallTypes> = Extract<CallStep<T>, { kind: 'call' | 'lookup' }>;

export interface Transition<T extends CallTypes> {
  state: T['state'];
  emit: T['event'][];
}

export class ProviderCallLifecycle<T extends CallTypes> {
  constructor(private readonly spec: ProviderCallSpec<T>) {}

  get name(): string {
    return this.spec.name;
  }

  /** The stored state, or a blank one for an order first heard of. */
  current(stored: T['state'] | undefined, orderId: string, now: number): T['state'] {
    const { blank, statuses } = this.spec;
    return (
      stored ?? ({ ...blank, orderId, status: statuses.idle, orderCancelled: false, updatedAt: now } as T['state'])
    );
  }

  /** OrderCancelled: nothing asked yet means nothing ever will be; a done call is undone by the next step. */
  orderCancelled(stored: T['state'] | undefined, orderId: string, now: number): T['state'] {
    const current = this.current(stored, orderId, now);
    const { idle, cancelled } = this.spec.statuses;
    return {
      ...current,
      status: current.status === idle ? cancelled : current.status,
      orderCancelled: true,
      updatedAt: now,
    };
  }

  nextStep(state: T['state']): CallStep<T> {
    const { idle, calling, done } = this.spec.statuses;
    const request = this.spec.request(state);
    if (request !== undefined) {
      // Never call again to find out: a call that never reached the provider must not be made for an
      // order cancelled meanwhile (a charge and a refund the customer would see).
      if (state.status === calling) return { kind: 'lookup', state, request };
      if (state.status === idle) return { kind: 'call', state: { ...state, status: calling }, request };
    }
    if (state.status === done && state.orderCancelled) {
      const undo = this.spec.undo(state);
      if (undo !== undefined) return { kind: 'undo', state, ...undo };
    }
    return { kind: 'rest' };
  }

  afterCall(step: AnsweredStep<T>, outcome: T['outcome'], now: number): Transition<T> {
    const { phase, state, event } = this.spec.answered(step.state, step.request, outcome);
    return {
      state: { ...state, status: this.spec.statuses[phase], updatedAt: now },
      // Answered only after the order was cancelled: the saga is over, so report nothing; an undo follows.
      emit: step.state.orderCancelled ? [] : [event],
    };
  }

  /**
   * What the lookup found: the call's answer, as if it had arrived; or no call, so it never took effect:
   * an order still going on is called afresh, a cancelled one never will be.
   */
  afterLookup(step: AnsweredStep<T>, found: T['outcome'] | undefined, now: number): Transition<T> {
    if (found !== undefined) return this.afterCall(step, found, now);
    const { idle, cancelled } = this.spec.statuses;
    return { state: { ...step.state, status: step.state.orderCancelled ? cancelled : idle, updatedAt: now }, emit: [] };
  }

  afterUndo(step: Extract<CallStep<T>, { kind: 'undo' }>, now: number): Transition<T> {
    return { state: { ...step.state, status: this.spec.statuses.undone, updatedAt: now }, emit: [step.event] };
  }
}
