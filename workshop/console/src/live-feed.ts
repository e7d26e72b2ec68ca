// What the console does that costs something, done only while a page is open: the Kafka tap (a Feed that
// decodes every record of every topic) and the stats sampler. The first page's stream starts both; when
// the last one leaves, the sampler stops at once and the tap after a grace period (a reloaded page is back
// within it and keeps the same tap); stopping deletes the tap's group. With no page open the process
// decodes nothing and asks nobody for anything.
import type { Logger } from '@saga/shared';
import type { Feed } from './feed';
import type { ConsoleHub, StreamSink } from './hub';
import type { StatsMessage } from './messages';

export interface LiveFeedOptions {
  /** How long the tap outlives the last page. */
  graceMs: number;
  statsEveryMs: number;
  /** After the tap failed to start, how long until it is tried again (while a page is open). */
  retryMs: number;
}

export const defaultLiveFeedOptions: LiveFeedOptions = { graceMs: 5_000, statsEveryMs: 1_000, retryMs: 3_000 };

export interface Sampler {
  sample(): Promise<StatsMessage>;
}

export class LiveFeed {
  private feed: Feed | undefined;
  /** Whether a tap should run: a page is open, or the last one left less than graceMs ago. */
  private wanted = false;
  /** Starts and stops, one after the other: each one acts on `wanted` as it stands when its turn comes. */
  private transitions: Promise<void> = Promise.resolve();
  private graceTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private statsTimer: NodeJS.Timeout | undefined;
  private sampling = false;
  private closed = false;

  constructor(
    private readonly hub: ConsoleHub,
    private readonly openFeed: () => Feed,
    private readonly sampler: Sampler,
    private readonly logger: Logger,
    private readonly options: LiveFeedOptions = defaultLiveFeedOptions,
  ) {}

  /** The running tap's group, if one runs. */
  get groupId(): string | undefined {
    return this.feed?.groupId;
  }

  /** A page's stream joins the hub; answers its leaving (safe to call twice). */
  join(sink: StreamSink, follows?: string): () => void {
    // A page that connects while the console shuts down starts nothing: its stream just ends.
    if (this.closed) {
      sink.end();
      return () => {};
    }
    const remove = this.hub.add(sink, follows);
    this.pagesChanged();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      remove();
      this.pagesChanged();
    };
  }

  /** Shutdown: ends every stream, stops sampling and the tap (deleting its group). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.graceTimer);
    clearTimeout(this.retryTimer);
    this.hub.close();
    this.setSampling(false);
    this.wanted = false;
    await this.reconcile();
  }

  private pagesChanged(): void {
    if (this.closed) return;
    const open = this.hub.size > 0;
    this.setSampling(open);
    if (open) {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
      this.wanted = true;
      void this.reconcile();
    } else if (!this.graceTimer) {
      this.graceTimer = setTimeout(() => {
        this.graceTimer = undefined;
        this.wanted = false;
        void this.reconcile();
      }, this.options.graceMs);
    }
  }

  /** Queues a start or a stop, whichever `wanted` asks for when its turn comes; never rejects. */
  private reconcile(): Promise<void> {
    this.transitions = this.transitions.then(async () => {
      if (this.wanted && !this.feed) await this.startTap();
      else if (!this.wanted && this.feed) await this.stopTap(this.feed);
    });
    return this.transitions;
  }

  private async startTap(): Promise<void> {
    const feed = this.openFeed();
    this.feed = feed;
    this.hub.setStatus({ kind: 'status', tap: 'joining' });
    try {
      await feed.start((messages) => this.hub.publish(messages));
      this.logger.info({ groupId: feed.groupId }, 'console tap joined');
      this.hub.setStatus({ kind: 'status', tap: 'live', groupId: feed.groupId });
    } catch (error) {
      this.logger.error(
        { err: error, groupId: feed.groupId },
        'console tap could not start; retrying while a page is open',
      );
      await this.stopTap(feed);
      this.hub.setStatus({
        kind: 'status',
        tap: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
      this.retryTimer = setTimeout(() => void this.reconcile(), this.options.retryMs);
    }
  }

  private async stopTap(feed: Feed): Promise<void> {
    this.feed = undefined;
    // What a page that opens from now on is told first: its stream starts the next tap.
    this.hub.setStatus({ kind: 'status', tap: 'joining' });
    try {
      await feed.stop();
      this.logger.info({ groupId: feed.groupId }, 'console tap stopped, its group deleted');
    } catch (error) {
      // A group left behind holds no offsets and no members (the broker drops it): logged, and the console goes on.
      this.logger.warn({ err: error, groupId: feed.groupId }, 'console tap group not deleted');
    }
  }

  private setSampling(on: boolean): void {
    if (on && !this.statsTimer) {
      this.statsTimer = setInterval(() => void this.sampleOnce(), this.options.statsEveryMs);
      void this.sampleOnce();
    } else if (!on && this.statsTimer) {
      clearInterval(this.statsTimer);
      this.statsTimer = undefined;
    }
  }

  /** One sample at a time: a slow broker skips a tick rather than piling requests up. */
  private async sampleOnce(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      this.hub.sendStats(await this.sampler.sample());
    } catch (error) {
      this.logger.warn({ err: error }, 'console stats sample failed');
    } finally {
      this.sampling = false;
    }
  }
}
