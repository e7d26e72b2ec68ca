// A payment's lifecycle as pure decisions. The charge waits for both the card token (OrderPlaced) and the
// amount (StockReserved), which arrive on two topics in either order; OrderCancelled stops a charge not yet
// made and refunds one that was. Calls to the provider are steps the handler performs and reports back.
import type { OrderPlaced, StockReserved } from '@saga/shared';

import type {
  ChargeOutcome,
  ChargeStep,
  Emission,
  Payment,
  RefundStep,
  SettleStep,
  Step,
  Transition,
} from './payment-state';

export type {
  PaymentStatus,
  Payment,
  Emission,
  ChargeRequest,
  RefundRequest,
  ChargeOutcome,
  ChargeStep,
  SettleStep,
  RefundStep,
  Step,
  Transition,
} from './payment-state';

function blank(orderId: string, now: number): Payment {
  return {
    orderId,
    customerId: null,
    token: null,
    amountCents: null,
    currency: null,
    status: 'NONE',
    orderCancelled: false,
    chargeId: null,
    updatedAt: now,
  };
}

// The first value recorded wins: a charge is always re-sent with the parameters it was first sent with.

/** OrderPlaced: who pays, and with which card token. */
export function tokenKnown(
  payment: Payment | undefined,
  event: Pick<OrderPlaced, 'orderId' | 'customerId' | 'paymentToken'>,
  now: number,
): Payment {
  const current = payment ?? blank(event.orderId, now);
  return {
    ...current,
    customerId: current.customerId ?? event.customerId,
    token: current.token ?? event.paymentToken,
    updatedAt: now,
  };
}

/** StockReserved: how much to charge. */
export function amountKnown(
  payment: Payment | undefined,
  event: Pick<StockReserved, 'orderId' | 'totalCents' | 'currency'>,
  now: number,
): Payment {
  const current = payment ?? blank(event.orderId, now);
  return {
    ...current,
    amountCents: current.amountCents ?? event.totalCents,
    currency: current.currency ?? event.currency,
    updatedAt: now,
  };
}

/** OrderCancelled: nothing charged yet means nothing ever will be; a charge is refunded by the next step. */
export function orderCancelled(payment: Payment | undefined, orderId: string, now: number): Payment {
  const current = payment ?? blank(orderId, now);
  const status = current.status === 'NONE' ? 'CANCELLED' : current.status;
  return { ...current, status, orderCancelled: true, updatedAt: now };
}

export function nextStep(payment: Payment): Step {
  const { orderId, status, token, amountCents, currency, chargeId } = payment;
  if (token !== null && amountCents !== null && currency !== null) {
    const request = { idempotencyKey: orderId, amountCents, currency, token };
    // Never charge again to find out: a charge that never reached the provider must not be made for
    // an order cancelled meanwhile (a charge and a refund the customer would see).
    if (status === 'CHARGING') return { kind: 'settle', payment, request };
    if (status === 'NONE') return { kind: 'charge', payment: { ...payment, status: 'CHARGING' }, request };
  }
  if (
    status === 'CHARGED' &&
    payment.orderCancelled &&
    chargeId !== null &&
    amountCents !== null &&
    currency !== null
  ) {
    return {
      kind: 'refund',
      payment,
      request: { chargeId, idempotencyKey: `refund-${orderId}` },
      amountCents,
      currency,
    };
  }
  return { kind: 'rest' };
}

export function afterCharge(
  { payment, request }: ChargeStep | SettleStep,
  outcome: ChargeOutcome,
  now: number,
): Transition {
  const { orderId } = payment;
  // Settled only after the order was cancelled: the saga is over, so report nothing; a refund follows.
  const report = (emission: Emission): Emission[] => (payment.orderCancelled ? [] : [emission]);
  if (outcome.kind === 'declined') {
    return {
      payment: { ...payment, status: 'DECLINED', updatedAt: now },
      emit: report({ type: 'PaymentFailed', body: { orderId, reason: outcome.declineCode } }),
    };
  }
  const { amountCents, currency } = request;
  return {
    payment: { ...payment, status: 'CHARGED', chargeId: outcome.chargeId, updatedAt: now },
    emit: report({ type: 'PaymentCompleted', body: { orderId, paymentId: outcome.chargeId, amountCents, currency } }),
  };
}

/**
 * What the lookup found: the charge's outcome, as if its answer had arrived; or no charge, so the call
 * never took effect: an order still going on is charged afresh, a cancelled one never will be.
 */
export function afterLookup(step: SettleStep, found: ChargeOutcome | undefined, now: number): Transition {
  if (found) return afterCharge(step, found, now);
  const status = step.payment.orderCancelled ? 'CANCELLED' : 'NONE';
  return { payment: { ...step.payment, status, updatedAt: now }, emit: [] };
}

export function afterRefund({ payment, request, amountCents, currency }: RefundStep, now: number): Transition {
  return {
    payment: { ...payment, status: 'REFUNDED', updatedAt: now },
    emit: [
      {
        type: 'PaymentRefunded',
        body: { orderId: payment.orderId, paymentId: request.chargeId, amountCents, currency },
      },
    ],
  };
}
