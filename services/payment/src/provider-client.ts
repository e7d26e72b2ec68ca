// The payment provider's HTTP API as three calls. callProvider turns outages into retriable errors; here
// the answers become outcomes: 201 charged, 402 declined, anything else a request we got wrong.
import { callProvider, ProviderRejectedError, type ProviderBreaker } from '@saga/shared';
import type { ChargeOutcome, ChargeRequest, RefundRequest } from './domain/payment';

const PROVIDER = 'payment provider';

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

function rejected(call: string, idempotencyKey: string, status: number, body: unknown): ProviderRejectedError {
  return new ProviderRejectedError(
    `${PROVIDER} answered ${status} to the ${call} keyed ${idempotencyKey}: ${JSON.stringify(body)}`,
  );
}

export class PaymentProviderClient implements PaymentProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly breaker?: ProviderBreaker,
  ) {}

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const url = `${this.baseUrl}/v1/charges`;
    const { status, body } = await callProvider<ChargeAnswer | undefined>(
      PROVIDER,
      url,
      { method: 'POST', body: request },
      this.timeoutMs,
      this.breaker,
    );
    if (status === 201 && typeof body?.chargeId === 'string') return { kind: 'succeeded', chargeId: body.chargeId };
    if (status === 402) return { kind: 'declined', declineCode: body?.declineCode ?? 'declined' };
    throw rejected('charge', request.idempotencyKey, status, body);
  }

  async refund({ chargeId, idempotencyKey }: RefundRequest): Promise<void> {
    const url = `${this.baseUrl}/v1/charges/${encodeURIComponent(chargeId)}/refunds`;
    const { status, body } = await callProvider(
      PROVIDER,
      url,
      { method: 'POST', body: { idempotencyKey } },
      this.timeoutMs,
      this.breaker,
    );
    if (status !== 201) throw rejected('refund', idempotencyKey, status, body);
  }

  async findCharge(idempotencyKey: string): Promise<ChargeOutcome | undefined> {
    const url = `${this.baseUrl}/v1/charges?idempotencyKey=${encodeURIComponent(idempotencyKey)}`;
    const { status, body } = await callProvider<ChargeAnswer[] | undefined>(
      PROVIDER,
      url,
      { method: 'GET' },
      this.timeoutMs,
      this.breaker,
    );
    if (status !== 200 || !Array.isArray(body)) throw rejected('charge lookup', idempotencyKey, status, body);
    const [charge] = body;
    if (!charge) return undefined;
    if (charge.status === 'succeeded' && charge.chargeId) return { kind: 'succeeded', chargeId: charge.chargeId };
    if (charge.status === 'declined') return { kind: 'declined', declineCode: charge.declineCode ?? 'declined' };
    throw rejected('charge lookup', idempotencyKey, status, body);
  }
}
