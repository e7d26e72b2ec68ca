// The bench's REST client for the gateway (see the README's REST contract): place an order, restock the
// bench's product and wait until the gateway's read model shows the stock.

const orderBody = (sku: string): string =>
  JSON.stringify({
    customerId: 'bench',
    items: [{ sku, quantity: 1 }],
    paymentMethod: { token: 'tok_visa' },
    shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  });

export class GatewayClient {
  private readonly body: string;

  constructor(
    readonly url: string,
    readonly sku: string,
  ) {
    this.body = orderBody(sku);
  }

  /** POST /orders; resolves to the order id once the gateway answered 202. */
  async placeOrder(): Promise<string> {
    const response = await fetch(`${this.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: this.body,
    });
    if (response.status !== 202) throw new Error(`POST /orders answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { orderId: string }).orderId;
  }

  async available(): Promise<number> {
    const response = await fetch(`${this.url}/inventory/${this.sku}`);
    if (!response.ok) throw new Error(`GET /inventory/${this.sku} answered ${response.status}`);
    return ((await response.json()) as { available: number }).available;
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
      if (Date.now() > deadline) throw new Error(`${this.sku} not restocked to ${needed} within ${timeoutMs} ms`);
      const response = await fetch(`${this.url}/inventory/${this.sku}/restock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: missing }),
      });
      if (response.status !== 202) throw new Error(`restock answered ${response.status}: ${await response.text()}`);
      const recheckAt = Math.min(deadline, Date.now() + 5_000);
      while (Date.now() < recheckAt && (await this.available()) < needed) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async ready(): Promise<boolean> {
    return fetch(`${this.url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
  }
}
