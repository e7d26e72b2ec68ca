// Runs work for one key at a time (per order id), while different keys run concurrently. A service
// handles an order's events from several topics; this keeps each handler's read-decide-write atomic
// with respect to the others for that order, even across an awaited provider call.
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * Runs `work` holding every key at once (a consumed batch's orders). The keys are taken one after
   * another in sorted order, as every multi-key holder takes them, so two holders never wait for each
   * other in a cycle; a single-key holder waits for nothing while it holds its key.
   */
  runAll<T>(keys: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const take = (i: number): Promise<T> => {
      const key = sorted[i];
      return key === undefined ? work() : this.run(key, () => take(i + 1));
    };
    return take(0);
  }
}
