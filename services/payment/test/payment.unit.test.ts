// The payment decisions, given/when/then, without I/O.
import {
  afterCharge,
  afterLookup,
  afterRefund,
  amountKnown,
  nextStep,
  orderCancelled,
  tokenKnown,
  type ChargeOutcome,
  type Payment,
  type Step,
} from '../src/domain/payment';

const placed = { orderId: 'o-1', customerId: 'c-1', paymentToken: 'tok_visa' };
const reserved = { orderId: 'o-1', totalCents: 3_998, currency: 'EUR' };
const succeeded: ChargeOutcome = { kind: 'succeeded', chargeId: 'ch_1' };

function expectStep<K extends Step['kind']>(step: Step, kind: K): Extract<Step, { kind: K }> {
  expect(step.kind).toBe(kind);
  return step as Extract<Step, { kind: K }>;
}

function chargedPayment(): Payment {
  const step = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge');
  return afterCharge(step, succeeded, 3).payment;
}

describe('payment decisions', () => {
  it('charges once both the token and the amount are known, whichever came first', () => {
    const request = { idempotencyKey: 'o-1', amountCents: 3_998, currency: 'EUR', token: 'tok_visa' };

    expect(nextStep(tokenKnown(undefined, placed, 1))).toEqual({ kind: 'rest' });
    expect(nextStep(amountKnown(undefined, reserved, 1))).toEqual({ kind: 'rest' });
    expect(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2))).toMatchObject({
      kind: 'charge',
      payment: { status: 'CHARGING' },
      request,
    });
    expect(nextStep(tokenKnown(amountKnown(undefined, reserved, 1), placed, 2))).toMatchObject({
      kind: 'charge',
      request,
    });
  });

  it('completes the payment with the charge id when the provider charges', () => {
    const step = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge');

    const { payment, emit } = afterCharge(step, succeeded, 3);

    expect(payment).toMatchObject({ status: 'CHARGED', chargeId: 'ch_1' });
    expect(emit).toEqual([
      { type: 'PaymentCompleted', body: { orderId: 'o-1', paymentId: 'ch_1', amountCents: 3_998, currency: 'EUR' } },
    ]);
    expect(nextStep(payment)).toEqual({ kind: 'rest' });
  });

  it('fails the payment with the decline code when the provider declines', () => {
    const step = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge');

    const { payment, emit } = afterCharge(step, { kind: 'declined', declineCode: 'card_declined' }, 3);

    expect(payment.status).toBe('DECLINED');
    expect(emit).toEqual([{ type: 'PaymentFailed', body: { orderId: 'o-1', reason: 'card_declined' } }]);
  });

  it('never charges again an order already charged when its events are delivered again', () => {
    const charged = chargedPayment();

    expect(nextStep(amountKnown(charged, reserved, 4))).toEqual({ kind: 'rest' });
    expect(nextStep(tokenKnown(charged, placed, 4))).toEqual({ kind: 'rest' });
  });

  it('never charges an order cancelled before its stock was reserved', () => {
    const cancelled = orderCancelled(tokenKnown(undefined, placed, 1), 'o-1', 2);

    const late = amountKnown(cancelled, reserved, 3);

    expect(late.status).toBe('CANCELLED');
    expect(nextStep(late)).toEqual({ kind: 'rest' });
  });

  it('refunds a charged order when it is cancelled', () => {
    const step = expectStep(nextStep(orderCancelled(chargedPayment(), 'o-1', 4)), 'refund');
    expect(step.request).toEqual({ chargeId: 'ch_1', idempotencyKey: 'refund-o-1' });

    const { payment, emit } = afterRefund(step, 5);

    expect(payment.status).toBe('REFUNDED');
    expect(emit).toEqual([
      { type: 'PaymentRefunded', body: { orderId: 'o-1', paymentId: 'ch_1', amountCents: 3_998, currency: 'EUR' } },
    ]);
    expect(nextStep(orderCancelled(payment, 'o-1', 6))).toEqual({ kind: 'rest' });
  });

  it('refunds nothing when a declined order is cancelled', () => {
    const step = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge');
    const declined = afterCharge(step, { kind: 'declined', declineCode: 'card_declined' }, 3).payment;

    const cancelled = orderCancelled(declined, 'o-1', 4);

    expect(cancelled.status).toBe('DECLINED');
    expect(nextStep(cancelled)).toEqual({ kind: 'rest' });
  });

  it('settles a charge whose answer was lost and then refunds it, silently, when the order is cancelled meanwhile', () => {
    const charging = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge').payment;

    const lookup = expectStep(nextStep(orderCancelled(charging, 'o-1', 3)), 'settle');
    expect(lookup.request.idempotencyKey).toBe('o-1');
    const settled = afterLookup(lookup, succeeded, 4);

    expect(settled.emit).toEqual([]);
    const refund = expectStep(nextStep(settled.payment), 'refund');
    expect(afterRefund(refund, 5).emit.map((e) => e.type)).toEqual(['PaymentRefunded']);
  });

  it('reports nothing when a charge settled after the order was cancelled turns out declined', () => {
    const charging = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge').payment;
    const lookup = expectStep(nextStep(orderCancelled(charging, 'o-1', 3)), 'settle');

    const settled = afterLookup(lookup, { kind: 'declined', declineCode: 'card_declined' }, 4);

    expect(settled).toMatchObject({ payment: { status: 'DECLINED' }, emit: [] });
    expect(nextStep(settled.payment)).toEqual({ kind: 'rest' });
  });

  it('charges nothing for a cancelled order whose charge in doubt the provider never made', () => {
    const charging = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge').payment;
    const lookup = expectStep(nextStep(orderCancelled(charging, 'o-1', 3)), 'settle');

    const settled = afterLookup(lookup, undefined, 4);

    expect(settled).toMatchObject({ payment: { status: 'CANCELLED' }, emit: [] });
    expect(nextStep(settled.payment)).toEqual({ kind: 'rest' });
  });

  it('charges afresh, with the parameters first sent, an order going on whose charge the provider never made', () => {
    const charging = expectStep(nextStep(amountKnown(tokenKnown(undefined, placed, 1), reserved, 2)), 'charge').payment;
    const redelivered = amountKnown(charging, { ...reserved, totalCents: 1 }, 3);

    const settled = afterLookup(expectStep(nextStep(redelivered), 'settle'), undefined, 4);

    expect(expectStep(nextStep(settled.payment), 'charge').request.amountCents).toBe(3_998);
  });
});
