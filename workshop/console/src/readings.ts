// The parts of the stats the sampler reads each second (a service's /metrics, a provider's switches, the
// Kafka offsets), each with its last good reading. A part is reported as not answering only once it has
// missed several samples in a row: one slow answer on a busy machine must not reach a presenter's
// screen, while a service that is really down still shows within a few seconds.
import type { Logger } from '@saga/shared';

/** Samples in a row a part may miss before the page says it is not answering (about 3 s). */
export const MISSES_BEFORE_UNAVAILABLE = 3;

interface Part<T> {
  last: T | undefined;
  misses: number;
}

export class Readings<T> {
  private readonly parts = new Map<string, Part<T>>();

  constructor(
    private readonly logger: Logger,
    private readonly missesBeforeUnavailable = MISSES_BEFORE_UNAVAILABLE,
  ) {}

  /** Reads `part`; answers this reading, the last one while misses are few, or undefined once it is down. */
  async read(part: string, load: () => Promise<T>): Promise<T | undefined> {
    const entry = this.parts.get(part) ?? { last: undefined, misses: 0 };
    this.parts.set(part, entry);
    const started = Date.now();
    try {
      entry.last = await load();
      if (entry.misses >= this.missesBeforeUnavailable) this.logger.info({ part }, 'console stats: answering again');
      entry.misses = 0;
    } catch (error) {
      entry.misses += 1;
      const down = entry.misses === this.missesBeforeUnavailable;
      // The first miss and the one that makes it "not answering" are worth a line; the rest of an outage is not.
      const level = entry.misses === 1 || down ? 'warn' : 'debug';
      this.logger[level](
        { err: error, part, misses: entry.misses, elapsedMs: Date.now() - started },
        down ? 'console stats: not answering' : 'console stats: no answer this time',
      );
      if (entry.misses >= this.missesBeforeUnavailable) entry.last = undefined;
    }
    return entry.last;
  }

  /**
   * Forgets every part not in `current`: one that is no longer read (an instance scaled away) would
   * otherwise be reported as not answering for ever.
   */
  keepOnly(current: ReadonlySet<string>): void {
    for (const part of this.parts.keys()) if (!current.has(part)) this.parts.delete(part);
  }

  /** The parts that missed too many samples in a row. */
  unavailable(): string[] {
    return [...this.parts].filter(([, { misses }]) => misses >= this.missesBeforeUnavailable).map(([part]) => part);
  }
}
