// The fake providers' public side: what they recorded (charges, shipments, looked up by the order id
// the services use as idempotency key) and their fault switches (`/admin/faults`).
import type { Faults } from '@saga/providers';
import { requestJson } from './http';

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
  constructor(readonly urls: Record<Provider, string>) {}

  charges = (orderId: string) =>
    requestJson<ChargeView[]>({ method: 'GET', url: `${this.urls.payment}/v1/charges?idempotencyKey=${orderId}` });

  shipments = (orderId: string) =>
    requestJson<ShipmentView[]>({ method: 'GET', url: `${this.urls.carrier}/v1/shipments?idempotencyKey=${orderId}` });

  /** The provider's switches as they stand. */
  faults = (provider: Provider, timeoutMs?: number) =>
    requestJson<Faults>({
      method: 'GET',
      url: `${this.urls[provider]}/admin/faults`,
      ...(timeoutMs !== undefined && { timeoutMs }),
    });

  /** Changes some switches (the rest stay); answers the switches after the change. */
  setFaults = (provider: Provider, patch: Partial<Faults>) =>
    requestJson<Faults>({ method: 'PUT', url: `${this.urls[provider]}/admin/faults`, body: patch });

  /** Every switch back to "no fault". */
  resetFaults = (provider: Provider) =>
    requestJson<Faults>({ method: 'DELETE', url: `${this.urls[provider]}/admin/faults` });
}
