// Composition root: config, stores, read model, projection, publisher and HTTP, started in that order and
// stopped in reverse. The HTTP port opens first so /health answers (and /ready says why not) while the
// schemas are registered and the projection catches up.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('gateway');

import {
  Applications,
  AvroSerde,
  EventPublisher,
  RegistryClient,
  SagaMetrics,
  TokenVerifier,
  close,
  createKafka,
  kafkaSecurity,
  createLogger,
  listen,
  loadCatalog,
  retryAtStart,
  runProcess,
  type Logger,
} from '@saga/shared';
import { createApp } from './app';
import { SERVICE, loadGatewayConfig, type GatewayConfig } from './config';
import { gatewayDatabases } from './databases';
import { SqlIdempotencyStore } from './idempotency';
import { OrderServiceHistory } from './order-history';
import { Projector } from './projection/projector';
import { ReadModel } from './projection/read-model';
import { ProjectionStore } from './projection/store';

async function start(config: GatewayConfig, logger: Logger): Promise<() => Promise<void>> {
  const metrics = new SagaMetrics(SERVICE);
  const kafka = createKafka({
    brokers: config.kafkaBrokers,
    security: kafkaSecurity(config),
    clientId: SERVICE,
    logger,
  });
  const serde = new AvroSerde(new RegistryClient(config.registryUrl), loadCatalog());
  const publisher = new EventPublisher(kafka, serde);
  let writersRegistered = false;

  // Each started part pushes its own stop; stop() runs them in reverse, also after a failed start.
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const stopPart of stops.splice(0).reverse()) await stopPart();
  };
  try {
    const databases = gatewayDatabases(config, logger);
    stops.push(() => databases.close());
    await databases.open();
    const readModel = new ReadModel(new ProjectionStore(databases.readModel));
    const projector = new Projector(kafka, serde, readModel, { logger, metrics });
    const idempotency = new SqlIdempotencyStore(databases.keys);
    await idempotency.purgeExpired();
    // Hourly, so the table stays bounded in a long-running gateway, not only across restarts.
    const purging = setInterval(
      () => {
        idempotency
          .purgeExpired()
          .catch((error: unknown) => logger.error({ err: error }, 'purging idempotency keys failed'));
      },
      60 * 60 * 1000,
    );
    stops.push(() => clearInterval(purging));
    const app = createApp({
      logger,
      metrics,
      publisher,
      readModel,
      idempotency,
      orderHistory: new OrderServiceHistory(config.orderServiceUrl),
      projection: projector,
      consoleUrl: config.consoleUrl,
      verifier: new TokenVerifier(config),
      orderRateLimit: { perSecond: config.orderRatePerSecond, burst: config.orderRateBurst },
      readiness: [
        { name: 'schema-writers', check: () => writersRegistered },
        { name: 'projection-joined', check: () => projector.isJoined() },
        { name: 'projection-caught-up', check: () => projector.isCaughtUp() },
      ],
    });
    const server = await listen(app, config.port, config.host);
    stops.push(() => close(server));
    logger.info({ host: config.host, port: config.port }, 'listening');
    await retryAtStart(
      'registering the writer schemas',
      () => serde.registerWriters(Applications.gateway.produces),
      logger,
    );
    writersRegistered = true;
    await publisher.connect();
    stops.push(() => publisher.disconnect());
    await projector.start();
    stops.push(() => projector.stop());
    return stop;
  } catch (error) {
    await stop().catch((stopError: unknown) => logger.error({ err: stopError }, 'cleanup after a failed start failed'));
    throw error;
  }
}

function run(): void {
  // The boot logger reports a bad config; after that the configured level applies.
  const bootLogger = createLogger(SERVICE, 'info');
  runProcess(bootLogger, async () => {
    const config = loadGatewayConfig();
    return start(config, createLogger(SERVICE, config.logLevel));
  });
}

run();
