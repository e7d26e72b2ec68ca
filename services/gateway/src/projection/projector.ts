// Feeds the read model from the topics: every order-keyed command and event into the order it is about,
// every StockLevelChanged into the product it describes. Each process replays everything in a group of
// its own; dead letters still go to the one gateway-projection.dlt.
import { randomUUID } from 'node:crypto';
import {
  Applications,
  ConsumerGroups,
  EventConsumer,
  type AvroSerde,
  type createKafka,
  type Logger,
  type SagaMetrics,
  kafkaOffsets,
} from '@saga/shared';
import { CatchUpWatch, type OffsetSource } from './catch-up';
import type { OrderRecord } from './orders';
import type { ReadModel } from './read-model';

type Kafka = ReturnType<typeof createKafka>;

export interface ProjectorOptions {
  logger: Logger;
  metrics: SagaMetrics;
}

export class Projector {
  /** Unique per process: a fresh group has no committed offsets, so it replays from the beginning. */
  readonly groupId = `${ConsumerGroups.gateway}-${randomUUID()}`;
  private readonly consumer: EventConsumer;
  private readonly offsets: OffsetSource;
  private readonly catchUp: CatchUpWatch;
  private readonly log: Logger;

  constructor(kafka: Kafka, serde: AvroSerde, readModel: ReadModel, { logger, metrics }: ProjectorOptions) {
    this.log = logger.child({ component: 'projection', groupId: this.groupId });
    this.consumer = new EventConsumer(kafka, serde, {
      groupId: this.groupId,
      deadLetterGroup: ConsumerGroups.gateway,
      logger: this.log,
      metrics,
      fromBeginning: true,
    });
    // What the projection reads is declared in shared/src/topology.ts, so the contract lists it too.
    for (const type of Applications.gateway.consumes) {
      if (type === 'StockLevelChanged') {
        this.consumer.on(type, async (event) => {
          readModel.applyStockLevel(event);
          metrics.consumed.inc({ type });
        });
        continue;
      }
      this.consumer.on(type, async (event, { topic, partition, offset }) => {
        readModel.applyOrderRecord({ type, event } as OrderRecord, { topic, partition, offset: Number(offset) });
        metrics.consumed.inc({ type });
      });
    }
    this.offsets = kafkaOffsets(kafka);
    this.catchUp = new CatchUpWatch(this.offsets, this.log);
  }

  async start(): Promise<void> {
    await this.catchUp.start(this.groupId, this.consumer.topics());
    await this.consumer.start();
  }

  /** Stops reading, then deletes the group: the next process replays in a group of its own anyway. */
  async stop(): Promise<void> {
    await this.catchUp.stop();
    await this.consumer.stop();
    try {
      await this.offsets.deleteGroup(this.groupId);
    } catch (error) {
      // Left behind, the group's offsets only expire with offsets.retention.minutes; not worth failing stop.
      this.log.warn({ err: error }, 'could not delete the projection consumer group');
    }
    await this.offsets.close();
  }

  isJoined(): boolean {
    return this.consumer.isJoined();
  }

  isCaughtUp(): boolean {
    return this.catchUp.isCaughtUp();
  }
}
