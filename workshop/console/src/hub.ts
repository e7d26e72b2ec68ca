// Fans the feed out to every open console over Server-Sent Events. Messages are coalesced and written
// every flushMs as one `batch`, and each client gets at most maxEventsPerSecond saga events: past that
// they are counted, not sent, and the count travels with the next batch ("N dropped from the view").
// Dead letters, poison and the events of the order a client follows are never dropped: they are few
// and they are what a presenter is pointing at. A new client first gets the last few seconds again, so
// a page that reconnects (to follow another order) misses nothing written meanwhile; it drops the
// duplicates by position. Each client is told where the tap stands as it connects and whenever that
// changes, so a page says `live` only once records reach it.
import type { BatchMessage, FeedMessage, StatsMessage, StatusMessage } from './messages';

export interface HubOptions {
  flushMs: number;
  maxEventsPerSecond: number;
  /** An SSE comment this often keeps idle connections from being closed by proxies. */
  keepAliveMs: number;
  /** How far back a new client is replayed, and at most how many messages. */
  replayMs: number;
  replayMax: number;
}

export const defaultHubOptions: HubOptions = {
  flushMs: 250,
  maxEventsPerSecond: 200,
  keepAliveMs: 15_000,
  replayMs: 3_000,
  replayMax: 500,
};

/** One open stream: where its text goes, and how to end it (on shutdown, so the server can close). */
export interface StreamSink {
  write: (chunk: string) => void;
  end: () => void;
}

interface Client extends StreamSink {
  follows: string | undefined;
  queue: FeedMessage[];
  dropped: number;
  sentThisSecond: number;
  secondStartedAt: number;
}

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export class ConsoleHub {
  private readonly clients = new Set<Client>();
  private timers: NodeJS.Timeout[] = [];
  private recent: { at: number; message: FeedMessage }[] = [];
  private status: StatusMessage = { kind: 'status', tap: 'joining' };

  constructor(
    private readonly options: HubOptions = defaultHubOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** Adds a client; returns its removal. `follows` is the order id whose events it must not lose. */
  add(sink: StreamSink, follows?: string): () => void {
    const client: Client = {
      ...sink,
      follows,
      queue: this.recentMessages(),
      dropped: 0,
      sentThisSecond: 0,
      secondStartedAt: this.now(),
    };
    this.clients.add(client);
    client.write(sse('status', this.status));
    if (this.timers.length === 0) this.startTimers();
    return () => {
      this.clients.delete(client);
      if (this.clients.size === 0) this.stopTimers();
    };
  }

  publish(messages: readonly FeedMessage[]): void {
    const now = this.now();
    for (const message of messages) this.recent.push({ at: now, message });
    if (this.recent.length > this.options.replayMax) this.recent.splice(0, this.recent.length - this.options.replayMax);
    for (const client of this.clients) {
      if (now - client.secondStartedAt >= 1000) {
        client.secondStartedAt = now;
        client.sentThisSecond = 0;
      }
      for (const message of messages) {
        const kept = message.kind !== 'event' || message.orderId === client.follows;
        if (!kept && client.sentThisSecond >= this.options.maxEventsPerSecond) {
          client.dropped++;
          continue;
        }
        if (!kept) client.sentThisSecond++;
        client.queue.push(message);
      }
    }
  }

  private recentMessages(): FeedMessage[] {
    const since = this.now() - this.options.replayMs;
    return this.recent.filter(({ at }) => at >= since).map(({ message }) => message);
  }

  /** The tap's state, to every client now (when it changed) and to each one that connects later. */
  setStatus(status: StatusMessage): void {
    const chunk = sse('status', status);
    if (chunk === sse('status', this.status)) return;
    this.status = status;
    for (const client of this.clients) client.write(chunk);
  }

  /** Stats go out at once: one small message a second for everybody. */
  sendStats(stats: StatsMessage): void {
    const chunk = sse('stats', stats);
    for (const client of this.clients) client.write(chunk);
  }

  flush(): void {
    for (const client of this.clients) {
      if (client.queue.length === 0 && client.dropped === 0) continue;
      const batch: BatchMessage = { kind: 'batch', messages: client.queue, dropped: client.dropped };
      client.queue = [];
      client.dropped = 0;
      client.write(sse('batch', batch));
    }
  }

  close(): void {
    this.stopTimers();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private startTimers(): void {
    this.timers = [
      setInterval(() => this.flush(), this.options.flushMs),
      setInterval(() => {
        for (const client of this.clients) client.write(': keep-alive\n\n');
      }, this.options.keepAliveMs),
    ];
    for (const timer of this.timers) timer.unref();
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
