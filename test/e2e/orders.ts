// REST helpers for the saga end-to-end tests: place orders, wait for outcomes, read stock and providers.
import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/helpers';
import { http } from '../support/system';

export interface OrderView {
  orderId: string;
  customerId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  cancellationReason?: string;
  items: { sku: string; quantity: number; unitPrice?: number }[];
  totalAmount?: number;
  createdAt: string;
  updatedAt: string;
}

export interface StockView {
  sku: string;
  name: string;
  unitPrice: number;
  currency: string;
  available: number;
  reserved: number;
}

export interface OrderRequest {
  customerId: string;
  items: { sku: string; quantity: number }[];
  paymentMethod: { token: string };
  shippingAddress: { name: string; line1: string; city: string; postalCode: string; country: string };
}

export function orderRequest(
  items: OrderRequest['items'],
  overrides: { token?: string; postalCode?: string } = {},
): OrderRequest {
  return {
    customerId: 'c-1',
    items,
    paymentMethod: { token: overrides.token ?? 'tok_visa' },
    shippingAddress: {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Berlin',
      postalCode: overrides.postalCode ?? '10115',
      country: 'DE',
    },
  };
}

/** Initial stock per sku, as the inventory seeds it into a fresh store. */
export const catalogStock: ReadonlyMap<string, number> = new Map(
  (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../services/inventory/catalog.json'), 'utf8')) as {
      sku: string;
      stock: number;
    }[]
  ).map(({ sku, stock }) => [sku, stock]),
);

export class SagaApi {
  constructor(
    private readonly gatewayUrl: string,
    private readonly paymentProviderUrl: string,
    private readonly carrierUrl: string,
  ) {}

  async place(request: OrderRequest, headers: Record<string, string> = {}): Promise<string> {
    const response = await http<{ orderId: string }>('POST', `${this.gatewayUrl}/orders`, request, headers);
    if (response.status !== 202)
      throw new Error(`POST /orders answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.orderId;
  }

  async order(orderId: string): Promise<OrderView> {
    return (await http<OrderView>('GET', `${this.gatewayUrl}/orders/${orderId}`)).body;
  }

  terminal(orderId: string, timeoutMs = 60_000): Promise<OrderView> {
    return eventually(async () => {
      const order = await this.order(orderId);
      return order.status === 'PENDING' ? undefined : order;
    }, timeoutMs);
  }

  async stock(sku: string): Promise<StockView> {
    return (await http<StockView>('GET', `${this.gatewayUrl}/inventory/${sku}`)).body;
  }

  /**
   * A test system starts with a fresh store, which the inventory seeds from the catalog; the compacted
   * stock topic still holds the levels an earlier system left, so wait until the seed has replaced them.
   */
  async freshCatalog(): Promise<void> {
    for (const [sku, stock] of catalogStock)
      await this.stockWhen(sku, (s) => s.available === stock && s.reserved === 0);
  }

  /** Waits until the gateway's view of `sku` satisfies `condition` (its projection is eventually consistent). */
  stockWhen(sku: string, condition: (stock: StockView) => boolean, timeoutMs = 30_000): Promise<StockView> {
    return eventually(async () => {
      const stock = await this.stock(sku);
      return condition(stock) ? stock : undefined;
    }, timeoutMs);
  }

  async eventTypes(orderId: string): Promise<string[]> {
    const response = await http<{ type: string }[]>('GET', `${this.gatewayUrl}/orders/${orderId}/events`);
    return response.body.map((event) => event.type);
  }

  /** Waits until the order's timeline holds every one of `types` (the projection reads several topics). */
  timelineWith(orderId: string, types: string[], timeoutMs = 30_000): Promise<string[]> {
    return eventually(async () => {
      const seen = await this.eventTypes(orderId);
      return types.every((type) => seen.includes(type)) ? seen : undefined;
    }, timeoutMs);
  }

  async charges(orderId: string): Promise<{ chargeId: string; status: string; refunded: boolean }[]> {
    return (
      await http<{ chargeId: string; status: string; refunded: boolean }[]>(
        'GET',
        `${this.paymentProviderUrl}/v1/charges?idempotencyKey=${orderId}`,
      )
    ).body;
  }

  async shipments(orderId: string): Promise<{ shipmentId: string; status: string }[]> {
    return (
      await http<{ shipmentId: string; status: string }[]>(
        'GET',
        `${this.carrierUrl}/v1/shipments?idempotencyKey=${orderId}`,
      )
    ).body;
  }

  async paymentFaults(
    faults: { latencyMs?: number; errorRate?: number; down?: boolean; rejectAll?: boolean } | 'reset',
  ): Promise<void> {
    if (faults === 'reset') await http('DELETE', `${this.paymentProviderUrl}/admin/faults`);
    else await http('PUT', `${this.paymentProviderUrl}/admin/faults`, faults);
  }
}
