// The carrier's HTTP API as two calls. callProvider turns outages into retriable errors; here the
// answers become outcomes: 201 booked, 422 refused, anything else a request we got wrong.
import { callProvider, ProviderRejectedError, type ProviderBreaker } from '@saga/shared';
import type { BookingOutcome, BookingRequest } from './domain/shipment';

const PROVIDER = 'carrier';

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

function rejected(call: string, status: number, body: unknown): ProviderRejectedError {
  return new ProviderRejectedError(`${PROVIDER} answered ${status} to ${call}: ${JSON.stringify(body)}`);
}

export class CarrierClient implements Carrier {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly breaker?: ProviderBreaker,
  ) {}

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
    const answer = await callProvider<BookingAnswer | undefined>(
      PROVIDER,
      `${this.baseUrl}/v1/shipments`,
      { method: 'POST', body },
      this.timeoutMs,
      this.breaker,
    );
    const { shipmentId, carrier, trackingNumber, reason } = answer.body ?? {};
    if (answer.status === 201 && shipmentId && carrier && trackingNumber) {
      return { kind: 'booked', shipmentId, carrier, trackingNumber };
    }
    if (answer.status === 422) return { kind: 'refused', reason: reason ?? 'refused' };
    throw rejected(`the booking keyed ${idempotencyKey}`, answer.status, answer.body);
  }

  async cancel(shipmentId: string): Promise<void> {
    const { status, body } = await callProvider(
      PROVIDER,
      `${this.baseUrl}/v1/shipments/${encodeURIComponent(shipmentId)}/cancel`,
      { method: 'POST' },
      this.timeoutMs,
      this.breaker,
    );
    if (status !== 200) throw rejected(`the cancel of ${shipmentId}`, status, body);
  }

  async findBooking(idempotencyKey: string): Promise<BookingOutcome | undefined> {
    const url = `${this.baseUrl}/v1/shipments?idempotencyKey=${encodeURIComponent(idempotencyKey)}`;
    const answer = await callProvider<BookingAnswer[] | undefined>(
      PROVIDER,
      url,
      { method: 'GET' },
      this.timeoutMs,
      this.breaker,
    );
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      throw rejected(`the lookup of ${idempotencyKey}`, answer.status, answer.body);
    }
    const [found] = answer.body;
    if (!found) return undefined;
    if (found.status === 'refused') return { kind: 'refused', reason: found.reason ?? 'refused' };
    // Booked, and perhaps cancelled since (the cancel step after an order's cancellation): booked is the outcome.
    const { shipmentId, carrier, trackingNumber } = found;
    if (shipmentId && carrier && trackingNumber) return { kind: 'booked', shipmentId, carrier, trackingNumber };
    throw rejected(`the lookup of ${idempotencyKey}`, answer.status, answer.body);
  }
}
