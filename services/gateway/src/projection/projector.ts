// Feeds the read model from the topics: every order-keyed command and event into the order it is about,
// every StockLevelChanged into the product it describes, a fetched batch at a time (BatchProjection).
// One fixed group (gateway-projection); the read model's own applied offsets decide where each
// partition resumes, so a start reads only what came after the last one. An empty read model (a new
// database, or after `make rebuild-read-model`) starts the group afresh, from the beginning of the
// topics. rebuild() does that while the gateway runs.
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
import { BatchProjection } from './batch-projection';
import { CatchUpWatch, type OffsetSource } from './catch-up';
import type { ReadModel } from './read-model';

type Kafka = ReturnType<typeof createKafka>;

export interface ProjectorOptions {
  logger: Logger;
  metrics: SagaMetrics;
}

const GROUP_BUSY_RETRY_MS = 1_000;
const GROUP_BUSY_ATTEMPTS = 30;

export class Projector {
  readonly groupId: string = ConsumerGroups.gateway;
  private consumer: EventConsumer;
  private readonly offsets: OffsetSource;
  private catchUp: CatchUpWatch;
  private readonly log: Logger;
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly serde: AvroSerde,
    private readonly readModel: ReadModel,
    private readonly options: ProjectorOptions,
  ) {
    this.log = options.logger.child({ component: 'projection', groupId: this.groupId });
    this.consumer = this.newConsumer();
    this.offsets = kafkaOffsets(kafka);
    this.catchUp = new CatchUpWatch(this.offsets, this.log, 500, (topic, partition) =>
      this.readModel.store.nextOffset(topic, partition),
    );
  }

  private newConsumer(): EventConsumer {
    const { kafka, serde, readModel, log } = this;
    const { metrics } = this.options;
    const { store } = readModel;
    const projection = new BatchProjection(readModel, metrics, log);
    const consumer = new EventConsumer(kafka, serde, {
      groupId: this.groupId,
      logger: log,
      metrics,
      fromBeginning: true,
      dispatch: (records, settle) => projection.dispatch(records, settle),
      resumeAt: (topic, partition) => store.nextOffset(topic, partition),
      // A batch's own offsets were written with it; this stores those of records no batch applied.
      onRecordDone: (topic, partition, offset) => {
        store.applied(topic, partition, offset)?.catch((error: unknown) => {
          log.warn({ err: error, topic, partition, offset }, 'applied offset not stored: read again after a restart');
        });
      },
    });
    // What the projection reads is declared in shared/src/topology.ts, so the contract lists it too.
    for (const type of Applications.gateway.consumes) consumer.on(type, projection.handler(type));
    return consumer;
  }

  async start(): Promise<void> {
    const { store } = this.readModel;
    await store.loadOffsets();
    if (await store.isEmpty()) await this.forgetGroup();
    await this.catchUp.start(this.groupId, this.consumer.topics());
    await this.consumer.start();
  }

  /**
   * Rebuilds the read model from the topics while the gateway runs: stops projecting (in-flight records
   * finish), empties the read model, and starts afresh from the beginning under a new consumer, with
   * /ready at 503 until it has caught up. Resolves once the new projection has started; a request
   * while one is starting joins it.
   */
  rebuild(): Promise<void> {
    this.rebuilding ??= (async () => {
      try {
        await this.catchUp.stop();
        await this.consumer.stop();
        await this.readModel.store.clear();
        this.log.warn('read model cleared: rebuilding it from the topics');
        this.consumer = this.newConsumer();
        this.catchUp = new CatchUpWatch(this.offsets, this.log, 500, (topic, partition) =>
          this.readModel.store.nextOffset(topic, partition),
        );
        await this.start();
      } finally {
        this.rebuilding = undefined;
      }
    })();
    return this.rebuilding;
  }

  async stop(): Promise<void> {
    await this.rebuilding?.catch(() => undefined);
    await this.catchUp.stop();
    await this.consumer.stop();
    await this.readModel.store.flush();
    await this.offsets.close();
  }

  /**
   * An empty read model must read the topics from the beginning, whatever the group committed before:
   * deletes the group. A member that was SIGKILLed keeps the group busy until its session expires.
   */
  private async forgetGroup(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.offsets.deleteGroup(this.groupId);
        this.log.info('read model is empty: projecting from the beginning of the topics');
        return;
      } catch (error) {
        const code = (error as { groups?: { error?: { type?: string } }[] }).groups?.[0]?.error?.type;
        if (code === 'GROUP_ID_NOT_FOUND') return;
        if (code !== 'NON_EMPTY_GROUP' || attempt >= GROUP_BUSY_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, GROUP_BUSY_RETRY_MS));
      }
    }
  }

  isJoined(): boolean {
    return this.consumer.isJoined();
  }

  isCaughtUp(): boolean {
    return this.catchUp.isCaughtUp();
  }
}
