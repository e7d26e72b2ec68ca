// The one client of the gateway's REST API: the workshop scenarios, the console, the benchmark and the
// tests all place, read and cancel orders through it, exactly as a user's client would. With credentials
// it places each order with its customer's token and does everything else as an operator; without, it
// calls anonymously (and the gateway answers 401).
import { bearerHeader, type Credentials } from './credentials';
import { eventually } from './eventually';
import { requestJson, type JsonRequest } from './http';
import { isReady } from './ready';
import type { PlaceOrderRequest } from './order-requests';
import type { OrderAccepted, OrderHistoryView, OrderView, StockView, TimelineEntry } from './views';

export class GatewayClient {
  constructor(
    readonly url: string,
    private readonly credentials?: Credentials,
  ) {}

  /** A request as an operator: every call but placing an order. */
  private async asOperator<T>(request: JsonRequest): Promise<T> {
    const auth = await bearerHeader(this.credentials?.operator());
    return requestJson<T>({ ...request, headers: { ...auth, ...request.headers } });
  }

  /** POST /orders as the request's customer; resolves once the gateway answered 202. `idempotencyKey` makes a retry safe. */
  async placeOrder(request: PlaceOrderRequest, options: { idempotencyKey?: string } = {}): Promise<OrderAccepted> {
    const auth = await bearerHeader(this.credentials?.customer(request.customerId));
    return requestJson<OrderAccepted>({
      method: 'POST',
      url: `${this.url}/orders`,
      body: request,
      headers: {
        ...auth,
        ...(options.idempotencyKey === undefined ? {} : { 'Idempotency-Key': options.idempotencyKey }),
      },
      expect: [202],
    });
  }

  order = (orderId: string) => this.asOperator<OrderView>({ method: 'GET', url: `${this.url}/orders/${orderId}` });

  /** GET /orders/{id}/events: every record of the order, where it was read. */
  timeline = (orderId: string) =>
    this.asOperator<TimelineEntry[]>({ method: 'GET', url: `${this.url}/orders/${orderId}/events` });

  history = (orderId: string, version?: number) =>
    this.asOperator<OrderHistoryView>({
      method: 'GET',
      url: `${this.url}/orders/${orderId}/history${version === undefined ? '' : `?version=${version}`}`,
    });

  cancel = (orderId: string) =>
    this.asOperator<{ orderId: string; status: string }>({
      method: 'POST',
      url: `${this.url}/orders/${orderId}/cancel`,
      expect: [202],
    });

  stock = (sku: string) => this.asOperator<StockView>({ method: 'GET', url: `${this.url}/inventory/${sku}` });
  products = () => this.asOperator<StockView[]>({ method: 'GET', url: `${this.url}/inventory` });

  /** POST /inventory/{sku}/restock; the level follows on the stock topic (see restockAndWait). */
  restock = (sku: string, quantity: number) =>
    this.asOperator({ method: 'POST', url: `${this.url}/inventory/${sku}/restock`, body: { quantity }, expect: [202] });

  rebuildReadModel = () => this.asOperator({ method: 'POST', url: `${this.url}/admin/read-model/rebuild` });

  /** The gateway's /ready: true once its read model has caught up with the topics. */
  ready = (): Promise<boolean> => isReady(this.url);

  /** Restocks and waits until the read model shows it, so a "before" read next includes it. */
  async restockAndWait(sku: string, quantity: number, timeoutMs = 15_000): Promise<StockView> {
    const before = await this.stock(sku);
    await this.restock(sku, quantity);
    return this.stockWhen(sku, (stock) => stock.available >= before.available + quantity, timeoutMs);
  }

  /** Waits until the order leaves PENDING. */
  terminal(orderId: string, timeoutMs = 60_000): Promise<OrderView> {
    return eventually(async () => {
      const order = await this.order(orderId);
      return order.status === 'PENDING' ? undefined : order;
    }, timeoutMs);
  }

  /** Waits until the order's timeline (read from several topics) holds every one of `types`. */
  timelineWith(orderId: string, types: readonly string[], timeoutMs = 30_000): Promise<TimelineEntry[]> {
    return eventually(async () => {
      const timeline = await this.timeline(orderId);
      return types.every((type) => timeline.some((entry) => entry.type === type)) ? timeline : undefined;
    }, timeoutMs);
  }

  /** Waits until the read model's view of `sku` satisfies `condition`. */
  stockWhen(sku: string, condition: (stock: StockView) => boolean, timeoutMs = 30_000): Promise<StockView> {
    return eventually(async () => {
      const stock = await this.stock(sku);
      return condition(stock) ? stock : undefined;
    }, timeoutMs);
  }
}
