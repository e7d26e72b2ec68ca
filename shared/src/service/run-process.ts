// Every process's entry point: run `main`, stop gracefully on SIGTERM/SIGINT, exit 1 on failure.
import type { Logger } from '../log';
import { flushTracing } from '../telemetry/flush';

/** `main` starts the process and returns how to stop it. */
export function runProcess(logger: Logger, main: () => Promise<() => Promise<void>>): void {
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await stop?.();
      await flushTracing().catch((error: unknown) => logger.warn({ err: error }, 'spans not exported at stop'));
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  main()
    .then((stopper) => {
      stop = stopper;
      logger.info('started');
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    });
}
