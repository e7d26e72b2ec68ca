// The payment's state and the vocabulary of its decisions: the steps the handler performs at the
// provider (charge, settle a charge in doubt, refund) and the transitions the decisions return.
import type { Body } from '@saga/shared';

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
/** A charge in doubt (CHARGING on disk, no answer recorded): look up what the provider did under its key. */
export type SettleStep = { kind: 'settle'; payment: Payment; request: ChargeRequest };
export type RefundStep = {
  kind: 'refund';
  payment: Payment;
  request: RefundRequest;
  amountCents: number;
  currency: string;
};
export type Step = ChargeStep | SettleStep | RefundStep | { kind: 'rest' };

export interface Transition {
  payment: Payment;
  emit: Emission[];
}
