// The system's public HTTP interfaces as a scenario uses them: the gateway's REST API, the fake
// providers' records and fault switches, and the services' Prometheus metrics.
import type { DemoConfig } from './config';

export interface OrderView {
  orderId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  cancellationReason?: string;
  items: { sku: string; quantity: number }[];
  totalAmount?: number;
  giftMessage?: string;
}
export interface TimelineEntry {
  type: string;
  topic: string;
  partition: number;
  offset: number;
  producer: string;
  occurredAt: string;
  eventId: string;
}
export interface OrderStateView {
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  totalAmount?: number;
  currency?: string;
  shipped: boolean;
  updatedAt: string;
}
export interface HistoryEntry {
  version: number;
  eventId: string;
  type: string;
  recordedAt: string;
  publishedTo?: string;
  event: Record<string, unknown>;
  state: OrderStateView;
}
export interface OrderHistoryView {
  orderId: string;
  version: number;
  latestVersion: number;
  state: OrderStateView;
  events: HistoryEntry[];
}
export interface StockView {
  sku: string;
  available: number;
  reserved: number;
}
export interface Faults {
  latencyMs?: number;
  errorRate?: number;
  down?: boolean;
  rejectAll?: boolean;
}
type Provider = 'payment' | 'carrier';

const ADDRESS = { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };

export class SagaClient {
  constructor(private readonly config: DemoConfig) {}

  private async call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async placeOrder(
    sku: string,
    quantity: number,
    options: { token?: string; postalCode?: string; giftMessage?: string } = {},
  ) {
    const body = {
      customerId: 'workshop',
      items: [{ sku, quantity }],
      paymentMethod: { token: options.token ?? 'tok_visa' },
      shippingAddress: { ...ADDRESS, postalCode: options.postalCode ?? ADDRESS.postalCode },
      ...(options.giftMessage !== undefined && { giftMessage: options.giftMessage }),
    };
    return (await this.call<{ orderId: string }>('POST', `${this.config.gatewayUrl}/orders`, body)).orderId;
  }

  order = (orderId: string) => this.call<OrderView>('GET', `${this.config.gatewayUrl}/orders/${orderId}`);
  timeline = (orderId: string) =>
    this.call<TimelineEntry[]>('GET', `${this.config.gatewayUrl}/orders/${orderId}/events`);
  cancel = (orderId: string) => this.call('POST', `${this.config.gatewayUrl}/orders/${orderId}/cancel`);
  stock = (sku: string) => this.call<StockView>('GET', `${this.config.gatewayUrl}/inventory/${sku}`);
  products = () => this.call<StockView[]>('GET', `${this.config.gatewayUrl}/inventory`);
  history = (orderId: string, version?: number) =>
    this.call<OrderHistoryView>(
      'GET',
      `${this.config.gatewayUrl}/orders/${orderId}/history${version === undefined ? '' : `?version=${version}`}`,
    );
  rebuildReadModel = () => this.call('POST', `${this.config.gatewayUrl}/admin/read-model/rebuild`);
  /** The gateway's /ready: 200 once its read model has caught up with the topics. */
  ready = async () => (await fetch(`${this.config.gatewayUrl}/ready`)).ok;

  /** Restocks and waits until the gateway's view shows it, so a "before" read next includes it. */
  async restock(sku: string, quantity: number): Promise<void> {
    const before = await this.stock(sku);
    await this.call('POST', `${this.config.gatewayUrl}/inventory/${sku}/restock`, { quantity });
    await eventually(
      async () => ((await this.stock(sku)).available >= before.available + quantity ? true : undefined),
      15_000,
    );
  }

  /** Waits until the order leaves PENDING. */
  terminal(orderId: string, timeoutMs = 60_000): Promise<OrderView> {
    return eventually(async () => {
      const order = await this.order(orderId);
      return order.status === 'PENDING' ? undefined : order;
    }, timeoutMs);
  }

  /** Waits until the order's timeline (read from several topics) holds every one of `types`. */
  timelineWith(orderId: string, types: string[], timeoutMs = 30_000): Promise<TimelineEntry[]> {
    return eventually(async () => {
      const timeline = await this.timeline(orderId);
      return types.every((type) => timeline.some((entry) => entry.type === type)) ? timeline : undefined;
    }, timeoutMs);
  }

  private providerUrl = (provider: Provider) =>
    provider === 'payment' ? this.config.paymentProviderUrl : this.config.carrierUrl;

  async faults(provider: Provider, faults: Faults | 'reset'): Promise<void> {
    const url = `${this.providerUrl(provider)}/admin/faults`;
    await (faults === 'reset' ? this.call('DELETE', url) : this.call('PUT', url, faults));
  }

  charges = (orderId: string) =>
    this.call<{ status: string; refunded: boolean }[]>(
      'GET',
      `${this.config.paymentProviderUrl}/v1/charges?idempotencyKey=${orderId}`,
    );
  shipments = (orderId: string) =>
    this.call<{ status: string; giftMessage?: string }[]>(
      'GET',
      `${this.config.carrierUrl}/v1/shipments?idempotencyKey=${orderId}`,
    );

  /** The sum of a Prometheus metric's samples (all label sets) on an ops port. */
  async metric(opsUrl: string, name: string, labelFilter = ''): Promise<number> {
    const response = await fetch(`${opsUrl}/metrics`);
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(name) && line.includes(labelFilter))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
