// The provider-call lifecycle's decisions, given/when/then, without I/O, on the toy call that stands
// for payment's charge and shipping's booking.
import type { CallStep } from '@saga/shared';
import { amountKnown, toyLifecycle as lifecycle, type Toy, type ToyCall } from './support/toy-call';

function expectStep<K extends CallStep<ToyCall>['kind']>(step: CallStep<ToyCall>, kind: K) {
  expect(step.kind).toBe(kind);
  return step as Extract<CallStep<ToyCall>, { kind: K }>;
}

const charged = { kind: 'charged', chargeId: 'ch_1' } as const;
const declined = { kind: 'declined' } as const;
const callStep = () => expectStep(lifecycle.nextStep(amountKnown(undefined, 100)), 'call');
/** A call whose intent is recorded and whose answer is not. */
const inDoubt = (): Toy => callStep().state;
const done = (): Toy => lifecycle.afterCall(callStep(), charged, 2).state;

describe('provider-call lifecycle', () => {
  it('waits until the state holds all the call needs, then calls with its intent recorded', () => {
    expect(lifecycle.nextStep(lifecycle.current(undefined, 'o-1', 1))).toEqual({ kind: 'rest' });

    const step = callStep();

    expect(step.request).toEqual({ idempotencyKey: 'o-1', amount: 100 });
    expect(step.state.status).toBe('CALLING');
  });

  it('reports the answer and calls no more, whether the provider did it or refused', () => {
    const didIt = lifecycle.afterCall(callStep(), charged, 2);
    const refused = lifecycle.afterCall(callStep(), declined, 2);

    expect(didIt).toEqual({
      state: expect.objectContaining({ status: 'DONE', chargeId: 'ch_1', updatedAt: 2 }),
      emit: [{ type: 'PaymentCompleted', body: { orderId: 'o-1', chargeId: 'ch_1' } }],
    });
    expect(refused).toMatchObject({ state: { status: 'REFUSED' }, emit: [{ type: 'PaymentFailed' }] });
    expect(lifecycle.nextStep(amountKnown(didIt.state, 100))).toEqual({ kind: 'rest' });
    expect(lifecycle.nextStep(amountKnown(refused.state, 100))).toEqual({ kind: 'rest' });
  });

  it('looks a call in doubt up under its key instead of making it again, also once the order is cancelled', () => {
    expect(expectStep(lifecycle.nextStep(inDoubt()), 'lookup').request.idempotencyKey).toBe('o-1');
    expect(lifecycle.nextStep(lifecycle.orderCancelled(inDoubt(), 'o-1', 2)).kind).toBe('lookup');
  });

  it('settles a call in doubt by what the lookup found, as if its answer had arrived', () => {
    const lookup = expectStep(lifecycle.nextStep(inDoubt()), 'lookup');

    expect(lifecycle.afterLookup(lookup, charged, 3)).toEqual(lifecycle.afterCall(lookup, charged, 3));
  });

  it('calls afresh, with the request first sent, an order going on whose call in doubt the provider never made', () => {
    const lookup = expectStep(lifecycle.nextStep(inDoubt()), 'lookup');

    const settled = lifecycle.afterLookup(lookup, undefined, 3);

    expect(settled).toMatchObject({ state: { status: 'IDLE' }, emit: [] });
    expect(expectStep(lifecycle.nextStep(settled.state), 'call').request.amount).toBe(100);
  });

  it('never calls for an order cancelled before the call, nor after a call in doubt the provider never made', () => {
    const cancelledFirst = amountKnown(lifecycle.orderCancelled(undefined, 'o-1', 1), 100, 2);
    const lookup = expectStep(lifecycle.nextStep(lifecycle.orderCancelled(inDoubt(), 'o-1', 2)), 'lookup');
    const cancelledInDoubt = lifecycle.afterLookup(lookup, undefined, 3);

    expect(cancelledFirst.status).toBe('CANCELLED');
    expect(lifecycle.nextStep(cancelledFirst)).toEqual({ kind: 'rest' });
    expect(cancelledInDoubt).toMatchObject({ state: { status: 'CANCELLED' }, emit: [] });
    expect(lifecycle.nextStep(cancelledInDoubt.state)).toEqual({ kind: 'rest' });
  });

  it('undoes a done call when the order is cancelled, and reports it', () => {
    const undo = expectStep(lifecycle.nextStep(lifecycle.orderCancelled(done(), 'o-1', 3)), 'undo');
    expect(undo.request).toBe('ch_1');

    const undone = lifecycle.afterUndo(undo, 4);

    expect(undone).toEqual({
      state: expect.objectContaining({ status: 'UNDONE', updatedAt: 4 }),
      emit: [{ type: 'PaymentRefunded', body: { orderId: 'o-1', chargeId: 'ch_1' } }],
    });
    expect(lifecycle.nextStep(lifecycle.orderCancelled(undone.state, 'o-1', 5))).toEqual({ kind: 'rest' });
  });

  it('reports nothing of a call settled after the order was cancelled, and then undoes it', () => {
    const lookup = expectStep(lifecycle.nextStep(lifecycle.orderCancelled(inDoubt(), 'o-1', 2)), 'lookup');

    const settled = lifecycle.afterLookup(lookup, charged, 3);

    expect(settled).toMatchObject({ state: { status: 'DONE' }, emit: [] });
    expect(lifecycle.nextStep(settled.state).kind).toBe('undo');
  });

  it('undoes nothing of a refused call when the order is cancelled', () => {
    const refused = lifecycle.afterCall(callStep(), declined, 2).state;

    const cancelled = lifecycle.orderCancelled(refused, 'o-1', 3);

    expect(cancelled.status).toBe('REFUSED');
    expect(lifecycle.nextStep(cancelled)).toEqual({ kind: 'rest' });
  });
});
