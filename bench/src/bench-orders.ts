// What the bench asks of the gateway, through the one REST client: place an order for the bench's
// product and keep enough of it in stock for a phase.
import { GatewayClient, issuedCredentials, orderRequest, type PlaceOrderRequest } from '@saga/client';

/**
 * The bench's orders come from this many customers in turn, as a shop's would: the gateway limits each
 * caller (ORDER_RATE_LIMIT_PER_SECOND), and hundreds of orders a second from one customer are an abuse.
 */
const CUSTOMERS = 1000;
import { WaitTimedOutError } from '@saga/shared';

export class BenchOrders {
  readonly gateway: GatewayClient;
  private readonly request: PlaceOrderRequest;
  private placed = 0;

  constructor(
    gatewayUrl: string,
    readonly sku: string,
  ) {
    this.gateway = new GatewayClient(gatewayUrl, issuedCredentials({ operatorSubject: 'bench' }));
    this.request = orderRequest([{ sku, quantity: 1 }], { customerId: 'bench' });
  }

  /** POST /orders; resolves to the order id once the gateway answered 202. */
  async placeOrder(): Promise<string> {
    const customerId = `bench-${this.placed++ % CUSTOMERS}`;
    return (await this.gateway.placeOrder({ ...this.request, customerId })).orderId;
  }

  ready = (): Promise<boolean> => this.gateway.ready();

  private async available(): Promise<number> {
    return (await this.gateway.stock(this.sku)).available;
  }

  /**
   * Tops the stock up to at least `needed` and waits (bounded) until the read model shows it. Orders still
   * in flight (the warm-up's) keep taking stock meanwhile, so a top-up that does not show within a few
   * seconds is topped up again: too much stock is harmless here, too little fails a phase.
   */
  async ensureStock(needed: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = needed - (await this.available());
      if (missing <= 0) return;
      if (Date.now() > deadline)
        throw new WaitTimedOutError(`${this.sku} not restocked to ${needed} within ${timeoutMs} ms`);
      await this.gateway.restock(this.sku, missing);
      const recheckAt = Math.min(deadline, Date.now() + 5_000);
      while (Date.now() < recheckAt && (await this.available()) < needed) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
}
