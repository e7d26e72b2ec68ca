// REST helpers for the saga end-to-end tests: place orders, wait for outcomes, read stock and providers.
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
