// Composes what every saga service needs — Kafka, the serde with its writers registered, the store
// with inbox and outbox, the relay, the consumer and the ops HTTP port — so a service's main.ts only
// wires its own store and handlers. Start order: writers registered, relay, consumer, HTTP.
import type { Server } from 'node:http';
import { AvroSerde } from '../avro/serde';
import { RegistryClient } from '../avro/registry-client';
import { ConfigError } from '../errors';
import { formats, kafkaSecurity, platformSettings, setting, type ConfigOf } from '../config';
import type { EventType } from '../generated/events';
import { createKafka } from '../kafka/client';
import { EventConsumer, FetchDefaults } from '../kafka/consumer';
import { OutboxRelay } from '../kafka/outbox-relay';
import { createLogger, type Logger } from '../log';
import { SagaMetrics } from '../metrics';
import { loadCatalog } from '../schemas/catalog';
import { MESSAGING_MIGRATIONS, MessagingTables } from '../store/messaging-tables';
import { serviceDatabase, type ServiceDatabase } from '../store/open-database';
import type { Outbox } from '../store/outbox';
import type { Migrations, SqlDatabase } from '../store/sql-database';
import { unhandledTypes } from '../topology';
import { pruneInboxPeriodically } from './inbox-pruning';
import { ServiceMessaging, type ServiceHandler } from './messaging';
import { close, listen, opsRoutes, type OpsApp } from './ops-server';
import { retryAtStart } from './start-retry';

/** Settings every saga service reads; a service spreads these into its own config schema. */
export const serviceSettings = {
  ...platformSettings,
  httpPort: setting('HTTP_PORT', 'port of /health, /ready and /metrics', 0, formats.port),
  httpHost: setting('HTTP_HOST', 'interface of the ops port (0.0.0.0 in containers)', '127.0.0.1', formats.string),
  dataDir: setting('DATA_DIR', 'folder of the service SQLite database', '.data', formats.string),
  databaseUrl: setting(
    'DATABASE_URL',
    'PostgreSQL for this service (its own role, owning a schema named like it); unset: SQLite in DATA_DIR',
    '',
    formats.postgresUrl,
  ),
  concurrency: setting('CONSUMER_CONCURRENCY', 'partitions handled at once', 6, formats.int),
  fetchMinBytes: setting(
    'CONSUMER_FETCH_MIN_BYTES',
    'the broker answers a fetch once this many bytes are there (or after the wait)',
    FetchDefaults.minBytes,
    formats.int,
  ),
  fetchMaxWaitMs: setting(
    'CONSUMER_FETCH_MAX_WAIT_MS',
    'longest a fetch waits for CONSUMER_FETCH_MIN_BYTES',
    FetchDefaults.maxWaitMs,
    formats.int,
  ),
  retryMaxAttempts: setting(
    'RETRY_MAX_ATTEMPTS',
    'attempts at a failing record before it is dead-lettered',
    8,
    formats.int,
  ),
  retryInitialDelayMs: setting('RETRY_INITIAL_DELAY_MS', 'backoff before the second attempt', 200, formats.int),
  retryMaxDelayMs: setting('RETRY_MAX_DELAY_MS', 'longest backoff between attempts', 10_000, formats.int),
};

export type ServiceConfig = ConfigOf<typeof serviceSettings>;

/** An entry of Applications (topology.ts) with this service's tables and config. */
export interface ServiceRuntimeOptions<Consumes extends EventType = EventType> {
  service: string;
  groupId: string;
  /** Every event type this service emits: their schemas are registered at start. */
  produces: readonly EventType[];
  /** Every event type this service handles: on() accepts only these, start() requires all of them. */
  consumes: readonly Consumes[];
  /** This service's own tables, after the shared inbox/outbox migration. */
  migrations: Migrations;
  config: ServiceConfig;
  /**
   * Where emitted records wait for the relay: the shared outbox table (deleted once published) unless
   * the service's own store is its outbox (the order service's event store).
   */
  outbox?: (db: SqlDatabase) => Outbox;
}

export class ServiceRuntime<Consumes extends EventType = EventType> {
  readonly logger: Logger;
  readonly metrics: SagaMetrics;
  readonly db: SqlDatabase;
  readonly messaging: ServiceMessaging;
  private readonly database: ServiceDatabase;
  private readonly serde: AvroSerde;
  private readonly relay: OutboxRelay;
  private readonly consumer: EventConsumer;
  private readonly registered: EventType[] = [];
  private readonly tables: MessagingTables;
  private server: Server | undefined;
  private readonly queries: Array<(app: OpsApp) => void> = [];
  private stopPruning: (() => void) | undefined;

  constructor(private readonly options: ServiceRuntimeOptions<Consumes>) {
    const { service, config } = options;
    this.logger = createLogger(service, config.logLevel);
    this.metrics = new SagaMetrics(service);
    const kafka = createKafka({
      brokers: config.kafkaBrokers,
      security: kafkaSecurity(config),
      clientId: service,
      logger: this.logger,
    });
    this.serde = new AvroSerde(new RegistryClient(config.registryUrl), loadCatalog());
    const migrations: Migrations = {
      sqlite: [...MESSAGING_MIGRATIONS.sqlite, ...options.migrations.sqlite],
      postgres: [...MESSAGING_MIGRATIONS.postgres, ...options.migrations.postgres],
    };
    this.database = serviceDatabase(service, config, migrations, this.logger);
    this.db = this.database.db;
    this.tables = new MessagingTables(this.db);
    const outbox = options.outbox?.(this.db) ?? this.tables;
    this.relay = new OutboxRelay(kafka, this.db, outbox, {
      logger: this.logger.child({ component: 'outbox' }),
      metrics: this.metrics,
      lease: this.database.relayLease(() => this.relay.notify()),
    });
    this.messaging = new ServiceMessaging({
      service,
      db: this.db,
      tables: this.tables,
      outbox,
      serde: this.serde,
      relay: this.relay,
      metrics: this.metrics,
    });
    this.consumer = new EventConsumer(kafka, this.serde, {
      groupId: options.groupId,
      logger: this.logger,
      metrics: this.metrics,
      concurrency: config.concurrency,
      fetch: { minBytes: config.fetchMinBytes, maxWaitMs: config.fetchMaxWaitMs },
      dispatch: (records, settle) => this.messaging.dispatch(records, settle),
      backoff: {
        maxAttempts: config.retryMaxAttempts,
        initialDelayMs: config.retryInitialDelayMs,
        maxDelayMs: config.retryMaxDelayMs,
      },
    });
  }

  on<T extends Consumes>(type: T, handler: ServiceHandler<T>): this {
    this.consumer.on(type, this.messaging.handle(type, handler));
    this.registered.push(type);
    return this;
  }

  /** Adds read-only queries to the ops port (the order service's history); call before start(). */
  serve(addRoutes: (app: OpsApp) => void): this {
    this.queries.push(addRoutes);
    return this;
  }

  /**
   * `beforeConsuming` runs once the writer schemas are registered and the relay runs, before the first
   * record is handled: the place for work that must precede every event, such as seeding a catalog.
   */
  async start(beforeConsuming?: () => Promise<void>): Promise<void> {
    // The published contract (docs/asyncapi.yaml) is generated from `consumes`: a handler missing from
    // main.ts would make it lie, so that is a boot failure rather than a silently unread event type.
    const unhandled = unhandledTypes(this.options.consumes, this.registered);
    if (unhandled.length > 0) {
      throw new ConfigError(unhandled.map((type) => `${type} is in consumes (topology.ts) but has no .on() handler`));
    }
    await this.database.open();
    await this.tables.open();
    // Retried: a registry that drops a request on a busy first start must not end the process.
    await retryAtStart(
      'registering the writer schemas',
      () => this.serde.registerWriters(this.options.produces),
      this.logger,
    );
    await this.relay.start();
    this.stopPruning = pruneInboxPeriodically(this.db, this.tables, this.logger);
    await beforeConsuming?.();
    await this.consumer.start();
    const app = opsRoutes(this.metrics, [{ name: 'kafka-consumer', check: () => this.consumer.isJoined() }]);
    for (const addRoutes of this.queries) addRoutes(app);
    this.server = await listen(app, this.options.config.httpPort, this.options.config.httpHost);
    const address = this.server.address();
    this.logger.info(
      { port: typeof address === 'object' ? address?.port : address, topics: this.consumer.topics() },
      'service ready',
    );
  }

  /** Graceful: stop fetching and finish in-flight handlers, publish the outbox, then close. */
  async stop(): Promise<void> {
    this.stopPruning?.();
    await this.consumer.stop();
    await this.relay.stop();
    if (this.server) await close(this.server);
    await this.db.close();
  }
}
