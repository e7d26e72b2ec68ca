// The payment provider's HTTP API as three calls. ProviderApi turns outages into retriable errors; here
// the answers become outcomes: 201 charged, 402 declined, anything else a request we got wrong.
import { ProviderApi, type ProviderEndpoint } from '@saga/shared';
import type { ChargeOutcome, ChargeRequest, RefundRequest } from './domain/payment';

/** What the handlers need from the provider; the tests stand in for it. */
export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  refund(request: RefundRequest): Promise<void>;
  /** What a charge made under `idempotencyKey` came to; undefined if the provider never made one. */
  findCharge(idempotencyKey: string): Promise<ChargeOutcome | undefined>;
}

interface ChargeAnswer {
  chargeId?: string;
  declineCode?: string;
  status?: string;
}

export class PaymentProviderClient implements PaymentProvider {
  private readonly api: ProviderApi;

  constructor(endpoint: ProviderEndpoint) {
    this.api = new ProviderApi('payment provider', endpoint);
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const answer = await this.api.post<ChargeAnswer | undefined>('/v1/charges', request);
    const { chargeId, declineCode } = answer.body ?? {};
    if (answer.status === 201 && typeof chargeId === 'string') return { kind: 'succeeded', chargeId };
    if (answer.status === 402) return { kind: 'declined', declineCode: declineCode ?? 'declined' };
    throw this.api.rejected(`the charge keyed ${request.idempotencyKey}`, answer);
  }

  async refund({ chargeId, idempotencyKey }: RefundRequest): Promise<void> {
    const answer = await this.api.post(`/v1/charges/${encodeURIComponent(chargeId)}/refunds`, { idempotencyKey });
    if (answer.status !== 201) throw this.api.rejected(`the refund keyed ${idempotencyKey}`, answer);
  }

  async findCharge(idempotencyKey: string): Promise<ChargeOutcome | undefined> {
    const charge = await this.api.lookup<ChargeAnswer>('/v1/charges', idempotencyKey);
    if (!charge) return undefined;
    if (charge.status === 'succeeded' && charge.chargeId) return { kind: 'succeeded', chargeId: charge.chargeId };
    if (charge.status === 'declined') return { kind: 'declined', declineCode: charge.declineCode ?? 'declined' };
    throw this.api.rejected(`the lookup of ${idempotencyKey}`, { status: 200, body: charge });
  }
}
