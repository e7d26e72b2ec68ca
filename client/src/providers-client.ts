// The fake providers' public side: what they recorded (charges, shipments, looked up by the order id
// the services use as idempotency key) and their fault switches (`/admin/faults`).
// The switches take an operator's token; the records (charges, shipments) stand for a provider's own
// dashboard and stay open, as the services' calls do.
import type { Faults } from '@saga/providers';
import { bearerHeader, type Credentials } from './credentials';
import { requestJson, type JsonRequest } from './http';

export type Provider = 'payment' | 'carrier';

export interface ChargeView {
  chargeId: string;
  status: string; // 'succeeded' | 'declined'
  refunded: boolean;
}

export interface ShipmentView {
  shipmentId: string;
  status: string; // 'booked' | 'refused' | 'cancelled'
  giftMessage?: string;
}

export class ProvidersClient {
  constructor(
    readonly urls: Record<Provider, string>,
    private readonly credentials?: Pick<Credentials, 'operator'>,
  ) {}

  private async asOperator<T>(request: JsonRequest): Promise<T> {
    return requestJson<T>({ ...request, headers: await bearerHeader(this.credentials?.operator()) });
  }

  charges = (orderId: string) =>
    requestJson<ChargeView[]>({ method: 'GET', url: `${this.urls.payment}/v1/charges?idempotencyKey=${orderId}` });

  shipments = (orderId: string) =>
    requestJson<ShipmentView[]>({ method: 'GET', url: `${this.urls.carrier}/v1/shipments?idempotencyKey=${orderId}` });

  /** The provider's switches as they stand. */
  faults = (provider: Provider, timeoutMs?: number) =>
    this.asOperator<Faults>({
      method: 'GET',
      url: `${this.urls[provider]}/admin/faults`,
      ...(timeoutMs !== undefined && { timeoutMs }),
    });

  /** Changes some switches (the rest stay); answers the switches after the change. */
  setFaults = (provider: Provider, patch: Partial<Faults>) =>
    this.asOperator<Faults>({ method: 'PUT', url: `${this.urls[provider]}/admin/faults`, body: patch });

  /** Every switch back to "no fault". */
  resetFaults = (provider: Provider) =>
    this.asOperator<Faults>({ method: 'DELETE', url: `${this.urls[provider]}/admin/faults` });
}
