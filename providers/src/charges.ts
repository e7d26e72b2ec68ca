// The fake card processor's books: charges and their refunds. Kept in memory because it is a fake; a
// restart forgets everything. Idempotency works like Stripe's: a replayed key gets the original charge back.
import { idempotencyKeyReused, notFound, ProviderError, ProviderErrorCodes } from './errors';
import { newId } from './ids';
import { DECLINED_TOKEN } from './triggers';

export interface ChargeRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  token: string;
}

export interface Refund {
  refundId: string;
  chargeId: string;
  idempotencyKey: string;
  status: 'succeeded';
  amountCents: number;
  createdAt: string;
}

export interface Charge {
  chargeId: string;
  idempotencyKey: string;
  /** Fixed when the charge is made; a refund is recorded beside it, so a replay answers as the first time. */
  status: 'succeeded' | 'declined';
  declineCode?: 'card_declined';
  amountCents: number;
  currency: string;
  createdAt: string;
  refund?: Refund;
}

export class ChargeLedger {
  private readonly charges = new Map<string, Charge>();
  private readonly byKey = new Map<string, { charge: Charge; fingerprint: string }>();

  /** The charge this key already made, or a new one. Handlers run to completion, so check-then-insert cannot race. */
  charge(request: ChargeRequest): Charge {
    const fingerprint = JSON.stringify([request.amountCents, request.currency, request.token]);
    const earlier = this.byKey.get(request.idempotencyKey);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw idempotencyKeyReused(request.idempotencyKey);
      return earlier.charge;
    }
    const declined = request.token === DECLINED_TOKEN;
    const charge: Charge = {
      chargeId: newId('ch'),
      idempotencyKey: request.idempotencyKey,
      status: declined ? 'declined' : 'succeeded',
      ...(declined ? { declineCode: 'card_declined' as const } : {}),
      amountCents: request.amountCents,
      currency: request.currency,
      createdAt: new Date().toISOString(),
    };
    this.charges.set(charge.chargeId, charge);
    this.byKey.set(request.idempotencyKey, { charge, fingerprint });
    return charge;
  }

  /** Refunds are of the whole charge, so a second refund, under any key, is the first one again. */
  refund(chargeId: string, idempotencyKey: string): Refund {
    const charge = this.find(chargeId);
    if (!charge) throw notFound(`no charge ${chargeId}`);
    if (charge.status !== 'succeeded') {
      throw new ProviderError(409, ProviderErrorCodes.CHARGE_NOT_REFUNDABLE, `charge ${chargeId} was declined`);
    }
    charge.refund ??= {
      refundId: newId('re'),
      chargeId,
      idempotencyKey,
      status: 'succeeded',
      amountCents: charge.amountCents,
      createdAt: new Date().toISOString(),
    };
    return charge.refund;
  }

  find(chargeId: string): Charge | undefined {
    return this.charges.get(chargeId);
  }

  /** Every charge, or those made under one key (at most one, which is what tests assert). */
  list(idempotencyKey?: string): Charge[] {
    const all = [...this.charges.values()];
    return idempotencyKey === undefined ? all : all.filter((charge) => charge.idempotencyKey === idempotencyKey);
  }
}
