// The payment's own decisions, given/when/then, without I/O: when it charges, with what, what the
// provider's answers mean and what a refund is. The lifecycle they run in (a call in doubt looked up,
// nothing reported after a cancellation, …) is tested once, in shared/test/provider-call.unit.test.ts.
import type { CallStep } from '@saga/shared';
import {
  amountKnown,
  paymentLifecycle as lifecycle,
  tokenKnown,
  type Charge,
  type ChargeOutcome,
  type Payment,
} from '../src/domain/payment';

const placed = { orderId: 'o-1', customerId: 'c-1', paymentToken: 'tok_visa' };
const reserved = { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' };
const succeeded: ChargeOutcome = { kind: 'succeeded', chargeId: 'ch_1' };

function expectStep<K extends CallStep<Charge>['kind']>(step: CallStep<Charge>, kind: K) {
  expect(step.kind).toBe(kind);
  return step as Extract<CallStep<Charge>, { kind: K }>;
}

const chargeStep = () =>
  expectStep(lifecycle.nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'call');

function chargedPayment(): Payment {
  return lifecycle.afterCall(chargeStep(), succeeded, 3).state;
}

describe('payment decisions', () => {
  it('charges once both the token and the amount are known, whichever came first', () => {
    const request = { idempotencyKey: 'o-1', amountCents: 3_998, currency: 'EUR', token: 'tok_visa' };

    expect(lifecycle.nextStep(tokenKnown(undefined, placed, 1))).toEqual({ kind: 'rest' });
    expect(lifecycle.nextStep(amountKnown(undefined, reserved, 1))).toEqual({ kind: 'rest' });
    expect(chargeStep()).toMatchObject({ state: { status: 'CHARGING' }, request });
    expect(lifecycle.nextStep(tokenKnown(amountKnown(undefined, reserved, 1), placed, 2))).toMatchObject({
      kind: 'call',
      request,
    });
  });

  it('completes the payment with the charge id when the provider charges', () => {
    const { state, emit } = lifecycle.afterCall(chargeStep(), succeeded, 3);

    expect(state).toMatchObject({ status: 'CHARGED', chargeId: 'ch_1' });
    expect(emit).toEqual([
      { type: 'PaymentCompleted', body: { orderId: 'o-1', paymentId: 'ch_1', amountCents: 3_998, currency: 'EUR' } },
    ]);
  });

  it('fails the payment with the decline code when the provider declines', () => {
    const { state, emit } = lifecycle.afterCall(chargeStep(), { kind: 'declined', declineCode: 'card_declined' }, 3);

    expect(state.status).toBe('DECLINED');
    expect(emit).toEqual([{ type: 'PaymentFailed', body: { orderId: 'o-1', reason: 'card_declined' } }]);
  });

  it('refunds a charged order when it is cancelled, under a key of its own', () => {
    const step = expectStep(lifecycle.nextStep(lifecycle.orderCancelled(chargedPayment(), 'o-1', 4)), 'undo');
    expect(step.request).toEqual({ chargeId: 'ch_1', idempotencyKey: 'refund-o-1' });

    const { state, emit } = lifecycle.afterUndo(step, 5);

    expect(state.status).toBe('REFUNDED');
    expect(emit).toEqual([
      { type: 'PaymentRefunded', body: { orderId: 'o-1', paymentId: 'ch_1', amountCents: 3_998, currency: 'EUR' } },
    ]);
  });

  it('charges afresh, with the parameters first sent, an order going on whose charge the provider never made', () => {
    const charging = chargeStep().state;
    const redelivered = amountKnown(charging, { ...reserved, totalCents: 1 }, 3);

    const settled = lifecycle.afterLookup(expectStep(lifecycle.nextStep(redelivered), 'lookup'), undefined, 4);

    expect(expectStep(lifecycle.nextStep(settled.state), 'call').request.amountCents).toBe(3_998);
  });
});
