// `node infra/dist/wait-for-stack.js kafka|registry`: exits 0 once the broker answers a metadata
// request, or the registry answers its Confluent API; exits 1 after WAIT_TIMEOUT_MS.
import {
  WaitTimedOutError,
  createKafka,
  createLogger,
  formats,
  kafkaSecurity,
  loadConfig,
  platformSettings,
  setting,
  waitForBroker,
} from '@saga/shared';

const config = loadConfig({
  ...platformSettings,
  timeoutMs: setting('WAIT_TIMEOUT_MS', 'how long to wait before giving up', 120_000, formats.int),
});
const logger = createLogger('wait-for-stack', config.logLevel);

async function waitForRegistry(): Promise<void> {
  const deadline = Date.now() + config.timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${config.registryUrl}/subjects`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet: keep polling until the deadline
    }
    if (Date.now() > deadline)
      throw new WaitTimedOutError(`schema registry at ${config.registryUrl} not ready after ${config.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function run(target: string | undefined): Promise<void> {
  if (target === 'kafka') {
    // Refused connections are expected while the broker boots; only the final verdict is logged.
    const quiet = createLogger('wait-for-stack', 'silent');
    const kafka = createKafka({
      brokers: config.kafkaBrokers,
      security: kafkaSecurity(config),
      clientId: 'wait-for-stack',
      logger: quiet,
      retry: { retries: 0 },
    });
    await waitForBroker(kafka, config.timeoutMs);
  } else if (target === 'registry') {
    await waitForRegistry();
  } else {
    throw new Error('usage: wait-for-stack.js kafka|registry');
  }
}

run(process.argv[2]).catch((error: unknown) => {
  logger.error({ err: error }, 'stack not ready');
  process.exit(1);
});
