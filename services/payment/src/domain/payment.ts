// A payment as pure decisions. The charge waits for both the card token (OrderPlaced) and the amount
// (StockReserved), which arrive on two topics in either order; OrderCancelled stops a charge not yet
// made and refunds one that was. The lifecycle of the charge (intent, call, lookup in doubt, undo) is
// the shared ProviderCallLifecycle; this file declares what is the payment's own.
import { ProviderCallLifecycle, type Body, type OrderPlaced, type StockReserved } from '@saga/shared';

/** The lifecycle's phases in the payment's words. */
export const PaymentStatuses = {
  idle: 'NONE',
  /** A charge was sent and its answer is not recorded yet, so it may have happened. */
  calling: 'CHARGING',
  done: 'CHARGED',
  refused: 'DECLINED',
  undone: 'REFUNDED',
  /** The order was cancelled before anything was charged; nothing ever will be. */
  cancelled: 'CANCELLED',
} as const;

export type PaymentStatus = (typeof PaymentStatuses)[keyof typeof PaymentStatuses];

export interface Payment {
  orderId: string;
  customerId: string | null;
  token: string | null;
  amountCents: number | null;
  currency: string | null;
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

/** The payment's call in the lifecycle's terms: a charge, undone by a refund. */
export interface Charge {
  state: Payment;
  request: ChargeRequest;
  outcome: ChargeOutcome;
  undo: RefundRequest;
  event: Emission;
}

export const paymentLifecycle = new ProviderCallLifecycle<Charge>({
  name: 'payment',
  statuses: PaymentStatuses,
  blank: { customerId: null, token: null, amountCents: null, currency: null, chargeId: null },
  // Charged once both the card token and the amount are known, keyed by the order at the provider.
  request: ({ orderId, token, amountCents, currency }) =>
    token !== null && amountCents !== null && currency !== null
      ? { idempotencyKey: orderId, amountCents, currency, token }
      : undefined,
  answered: (payment, { amountCents, currency }, outcome) => {
    const { orderId } = payment;
    if (outcome.kind === 'declined') {
      return {
        phase: 'refused',
        state: payment,
        event: { type: 'PaymentFailed', body: { orderId, reason: outcome.declineCode } },
      };
    }
    const { chargeId } = outcome;
    return {
      phase: 'done',
      state: { ...payment, chargeId },
      event: { type: 'PaymentCompleted', body: { orderId, paymentId: chargeId, amountCents, currency } },
    };
  },
  // Keyed by the order too, apart from its charge: one refund per order, however often it is retried.
  undo: ({ orderId, chargeId, amountCents, currency }) =>
    chargeId !== null && amountCents !== null && currency !== null
      ? {
          request: { chargeId, idempotencyKey: `refund-${orderId}` },
          event: { type: 'PaymentRefunded', body: { orderId, paymentId: chargeId, amountCents, currency } },
        }
      : undefined,
});

// The first value recorded wins: a charge is always re-sent with the parameters it was first sent with.

/** OrderPlaced: who pays, and with which card token. */
export function tokenKnown(
  payment: Payment | undefined,
  event: Pick<OrderPlaced, 'orderId' | 'customerId' | 'paymentToken'>,
  now: number,
): Payment {
  const current = paymentLifecycle.current(payment, event.orderId, now);
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
  const current = paymentLifecycle.current(payment, event.orderId, now);
  return {
    ...current,
    amountCents: current.amountCents ?? event.totalCents,
    currency: current.currency ?? event.currency,
    updatedAt: now,
  };
}
