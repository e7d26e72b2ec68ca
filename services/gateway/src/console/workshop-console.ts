// The console's moving parts for one gateway: the feed (its own tap group on every topic), the hub that
// fans it out to browsers, and the stats sampler that runs once a second while a page is open. Started
// after the gateway's projection, stopped before it; stopping deletes the tap group.
import type { Router } from 'express';
import type { AvroSerde, Logger, createKafka } from '@saga/shared';
import type { GatewayConfig } from '../config';
import type { ReadModel } from '../projection/read-model';
import type { SendCommand } from '../routes/publish';
import { consoleActionRoutes } from './actions';
import { ConsoleFeed } from './feed';
import { ConsoleHub } from './hub';
import { consoleRoutes } from './routes';
import { StatsSampler } from './stats';

type Kafka = ReturnType<typeof createKafka>;

const STATS_EVERY_MS = 1_000;

export class WorkshopConsole {
  readonly hub = new ConsoleHub();
  private readonly feed: ConsoleFeed;
  private readonly sampler: StatsSampler;
  private statsTimer: NodeJS.Timeout | undefined;
  private sampling = false;

  constructor(
    private readonly kafka: Kafka,
    serde: AvroSerde,
    private readonly config: Pick<GatewayConfig, 'consoleActions' | 'opsUrls' | 'paymentProviderUrl' | 'carrierUrl'>,
    private readonly logger: Logger,
  ) {
    this.feed = new ConsoleFeed(kafka, serde, logger);
    this.sampler = new StatsSampler(kafka, { opsUrls: config.opsUrls, providerUrls: this.providerUrls }, logger);
  }

  private get providerUrls() {
    return { payment: this.config.paymentProviderUrl, carrier: this.config.carrierUrl };
  }

  routes(send: SendCommand, readModel: ReadModel): Router[] {
    const enabled = this.config.consoleActions === 'enabled';
    return [
      consoleRoutes({
        hub: this.hub,
        kafka: this.kafka,
        actionsEnabled: enabled,
        onClientsChanged: (count) => this.sampleWhileWatched(count),
      }),
      consoleActionRoutes({ enabled, send, readModel, kafka: this.kafka, providerUrls: this.providerUrls }),
    ];
  }

  async start(): Promise<void> {
    await this.feed.start((messages) => this.hub.publish(messages));
    this.logger.info({ groupId: this.feed.groupId }, 'console feed started');
  }

  async stop(): Promise<void> {
    this.sampleWhileWatched(0);
    this.hub.close();
    // A tap group left behind is harmless (no offsets, no members) and must not keep the rest of the
    // gateway from stopping: logged, and the shutdown goes on.
    await this.feed
      .stop()
      .catch((error: unknown) =>
        this.logger.warn({ err: error, groupId: this.feed.groupId }, 'console tap group not deleted'),
      );
    await this.sampler.close();
  }

  private sampleWhileWatched(clients: number): void {
    if (clients > 0 && !this.statsTimer) {
      this.statsTimer = setInterval(() => void this.sampleOnce(), STATS_EVERY_MS);
      void this.sampleOnce();
    } else if (clients === 0 && this.statsTimer) {
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
