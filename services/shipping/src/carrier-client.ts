// The carrier's HTTP API as three calls. ProviderApi turns outages into retriable errors; here the
// answers become outcomes: 201 booked, 422 refused, anything else a request we got wrong.
import { ProviderApi, type ProviderEndpoint } from '@saga/shared';
import type { BookingOutcome, BookingRequest } from './domain/shipment';

/** What the handlers need from the carrier; the tests stand in for it. */
export interface Carrier {
  book(request: BookingRequest): Promise<BookingOutcome>;
  cancel(shipmentId: string): Promise<void>;
  /** What a booking made under `idempotencyKey` came to; undefined if the carrier never made one. */
  findBooking(idempotencyKey: string): Promise<BookingOutcome | undefined>;
}

interface BookingAnswer {
  shipmentId?: string;
  carrier?: string;
  trackingNumber?: string;
  reason?: string;
  status?: string;
}

export class CarrierClient implements Carrier {
  private readonly api: ProviderApi;

  constructor(endpoint: ProviderEndpoint) {
    this.api = new ProviderApi('carrier', endpoint);
  }

  async book({ idempotencyKey, address, items, giftMessage }: BookingRequest): Promise<BookingOutcome> {
    // Only the fields the carrier takes, whatever else the decoded event records carry.
    const body = {
      idempotencyKey,
      address: {
        name: address.name,
        line1: address.line1,
        city: address.city,
        postalCode: address.postalCode,
        country: address.country,
      },
      items: items.map(({ sku, quantity }) => ({ sku, quantity })),
      ...(giftMessage !== null && { giftMessage }),
    };
    const answer = await this.api.post<BookingAnswer | undefined>('/v1/shipments', body);
    const { shipmentId, carrier, trackingNumber, reason } = answer.body ?? {};
    if (answer.status === 201 && shipmentId && carrier && trackingNumber) {
      return { kind: 'booked', shipmentId, carrier, trackingNumber };
    }
    if (answer.status === 422) return { kind: 'refused', reason: reason ?? 'refused' };
    throw this.api.rejected(`the booking keyed ${idempotencyKey}`, answer);
  }

  async cancel(shipmentId: string): Promise<void> {
    const answer = await this.api.post(`/v1/shipments/${encodeURIComponent(shipmentId)}/cancel`);
    if (answer.status !== 200) throw this.api.rejected(`the cancel of ${shipmentId}`, answer);
  }

  async findBooking(idempotencyKey: string): Promise<BookingOutcome | undefined> {
    const found = await this.api.lookup<BookingAnswer>('/v1/shipments', idempotencyKey);
    if (!found) return undefined;
    if (found.status === 'refused') return { kind: 'refused', reason: found.reason ?? 'refused' };
    // Booked, and perhaps cancelled since (the cancel step after an order's cancellation): booked is the outcome.
    const { shipmentId, carrier, trackingNumber } = found;
    if (shipmentId && carrier && trackingNumber) return { kind: 'booked', shipmentId, carrier, trackingNumber };
    throw this.api.rejected(`the lookup of ${idempotencyKey}`, { status: 200, body: found });
  }
}
