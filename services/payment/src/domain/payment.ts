// A payment's lifecycle as pure decisions. The charge waits for both the card token (OrderPlaced) and the
// amount (StockReserved), which arrive on two topics in either order; OrderCancelled stops a charge not yet
// made and refunds one that was. Calls to the provider are steps the handler performs and reports back.
import type { Body, OrderPlaced, StockReserved } from '@saga/shared';

export type PaymentStatus = 'NONE' | 'CHARGING' | 'CHARGED' | 'DECLINED' | 'REFUNDED' | 'CANCELLED';

export interface Payment {
  orderId: string;
  customerId: string | null;
  token: string | null;
  amountCents: number | null;
  currency: string | null;
  /**
   * CHARGING: a charge was sent and its answer is not recorded yet, so it may have happened.
   * CANCELLED: the order was cancelled before anything was charged; nothing ever will be.
   */
  status: PaymentStatus;
  /** The order was cancelled: a charge still in doubt is settled and then refunded, silently. */
  orderCancelled: boolean;
  chargeId: string | null;
  updatedAt: number;
}

export type Emission =
  | { type: 'PaymentCompleted'; body: Body<'PaymentCompleted'> }
  | { type: 'PaymentFailed'; body: Body<'PaymentFailed'> }
  | { type: 'PaymentRefunded'; body: Body<'PaymentRefunded'> };

export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  token: string;
}

export interface RefundRequest {
  chargeId: string;
  idempotencyKey: string;
}

export type ChargeOutcome = { kind: 'succeeded'; chargeId: string } | { kind: 'declined'; declineCode: string };

/** The provider call the payment needs next; `payment` is the state to hold while it is made. */
export type ChargeStep = { kind: 'charge'; payment: Payment; request: ChargeRequest };
export type RefundStep = {
  kind: 'refund';
  payment: Payment;
  request: RefundRequest;
  amountCents: number;
  currency: string;
};
export type Step = ChargeStep | RefundStep | { kind: 'rest' };

export interface Transition {
  payment: Payment;
  emit: Emission[];
}

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
  // A payment left CHARGING is charged again: the provider answers a repeated key with the first outcome.
  if ((status === 'NONE' || status === 'CHARGING') && token !== null && amountCents !== null && currency !== null) {
    return {
      kind: 'charge',
      payment: { ...payment, status: 'CHARGING' },
      request: { idempotencyKey: orderId, amountCents, currency, token },
    };
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

export function afterCharge({ payment, request }: ChargeStep, outcome: ChargeOutcome, now: number): Transition {
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
