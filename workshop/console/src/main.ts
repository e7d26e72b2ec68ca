// Composition root of the workshop console: config, the Kafka and registry clients, the public interfaces
// it drives (the gateway's REST API, the providers' admin APIs) or links to (the trace viewer), the
// stream hub and the live feed, HTTP; stopped in reverse. The HTTP port opens first so /health answers
// (and /ready says why not) while the broker and the registry are reached. No tap runs and nothing is
// sampled until a page opens.
// Tracing first: OpenTelemetry patches http and express only for the modules loaded after it.
import { startTracing } from '@saga/shared/tracing';
startTracing('console');

import { GatewayClient, ProvidersClient, ZipkinClient, issuedCredentials, opsUrls, requestText } from '@saga/client';
import {
  AvroSerde,
  RegistryClient,
  RegistryUnavailableError,
  SagaMetrics,
  backoffDelay,
  close,
  createKafka,
  kafkaSecurity,
  createLogger,
  defaultBackoff,
  listen,
  loadCatalog,
  runProcess,
  waitForBroker,
  type Logger,
} from '@saga/shared';
import { createConsoleApp } from './app';
import { SERVICE, loadConsoleConfig, type ConsoleConfig } from './config';
import { ConsoleFeed } from './feed';
import { ConsoleHub } from './hub';
import { LiveFeed } from './live-feed';
import { StatsSampler } from './stats';
import { systemMap } from './system-map';

const BROKER_WAIT_MS = 60_000;

/** Resolves once the registry lists its subjects, backing off while it does not answer. */
async function reachRegistry(url: string, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await requestText({ method: 'GET', url: `${url}/subjects`, timeoutMs: 5_000 });
      return;
    } catch (error) {
      if (attempt >= defaultBackoff.maxAttempts)
        throw new RegistryUnavailableError(`the schema registry at ${url} did not answer`, { cause: error });
      const delayMs = backoffDelay(defaultBackoff, attempt);
      logger.warn({ err: error, attempt, delayMs }, 'schema registry unavailable; retrying');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function start(config: ConsoleConfig, logger: Logger): Promise<() => Promise<void>> {
  const kafka = createKafka({
    brokers: config.kafkaBrokers,
    security: kafkaSecurity(config),
    clientId: SERVICE,
    logger,
  });
  const catalog = loadCatalog();
  const serde = new AvroSerde(new RegistryClient(config.registryUrl), catalog);
  // Its own sign-in: tokens minted here, five minutes each, renewed before they lapse; none reaches the page.
  const credentials = issuedCredentials({ operatorSubject: SERVICE, ttlSeconds: 300, issuer: config });
  const gateway = new GatewayClient(config.gatewayUrl, credentials);
  const providers = new ProvidersClient(
    { payment: config.paymentProviderUrl, carrier: config.carrierUrl },
    credentials,
  );
  const sampler = new StatsSampler(kafka, { opsUrls: opsUrls(config), providers }, logger);
  const hub = new ConsoleHub();
  const live = new LiveFeed(hub, () => new ConsoleFeed(kafka, serde, logger), sampler, logger);
  let brokerReached = false;
  let registryReached = false;

  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const stopPart of stops.splice(0).reverse()) await stopPart();
  };
  try {
    stops.push(() => sampler.close());
    const app = createConsoleApp({
      logger,
      metrics: new SagaMetrics(SERVICE),
      live,
      kafka,
      gateway,
      traces: new ZipkinClient(config.zipkinUrl),
      providers,
      actionsEnabled: config.actions === 'enabled',
      map: systemMap(catalog),
      readiness: [
        { name: 'broker', check: () => brokerReached },
        { name: 'schema-registry', check: () => registryReached },
      ],
    });
    const server = await listen(app, config.port, config.host);
    stops.push(() => close(server));
    // Before the server closes: ends the pages' streams (a server waits for open ones) and deletes the tap.
    stops.push(() => live.close());
    logger.info(
      { host: config.host, port: config.port, actions: config.actions, zipkinUrl: config.zipkinUrl },
      'listening',
    );
    await waitForBroker(kafka, BROKER_WAIT_MS);
    brokerReached = true;
    await reachRegistry(config.registryUrl, logger);
    registryReached = true;
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
    const config = loadConsoleConfig();
    return start(config, createLogger(SERVICE, config.logLevel));
  });
}

run();
