// Collects what concurrent requests add and writes it in one piece: one produce, or one store
// transaction (TurnCommits), instead of one each. A batch is what arrived during one turn of the event
// loop (handed over by setImmediate, after the turn's I/O callbacks) or, while the previous batch is
// still being written, everything that arrived meanwhile: one write at a time, so under load the
// batches grow with the write's latency instead of the writes queueing up. Each caller's promise
// settles with the outcome of the batch its item was in, so a request still answers only once its own
// write is done.

interface Pending<Item> {
  item: Item;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class TurnBatch<Item> {
  private pending: Pending<Item>[] = [];
  private scheduled = false;
  private writing = false;

  /** `write` writes a batch together: all of its items are written, or the whole batch fails. */
  constructor(private readonly write: (items: Item[]) => Promise<void>) {}

  /** Resolves once the batch holding `item` is written; rejects with that batch's failure. */
  add(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.writeBatch();
    });
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.writing = true;
    try {
      await this.write(batch.map(({ item }) => item));
      for (const { resolve } of batch) resolve();
    } catch (error) {
      for (const { reject } of batch) reject(error);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
