// At most `limit` calls at once; the rest wait in arrival order. A consumed batch makes its orders'
// provider calls concurrently, and a batch can hold hundreds of orders: this keeps what one process
// asks of a provider (and the sockets it opens) bounded, whatever the batch size.
export class InFlightLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await call();
    } finally {
      // The slot passes straight to the next caller, so `running` never dips while callers wait.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
