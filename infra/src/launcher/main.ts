// `node infra/dist/launcher/main.js`: runs the whole system (providers, services, gateway, console)
// under supervision against an already running broker and registry (see infra/native/dev.sh), prints the
// gateway's and the console's URLs when every process is ready, and stops them all on SIGTERM/SIGINT.
import fs from 'node:fs';
import { createLogger, runProcess } from '@saga/shared';
import { loadLauncherConfig } from './config';
import { launchSystem, opsPortsOf, opsUrlSettings } from './system';

const config = loadLauncherConfig();
const logger = createLogger('launcher', config.logLevel);

runProcess(logger, async () => {
  const { kafkaBrokers, registryUrl, dataDir, ports, store, instances, databaseUrls, tracing } = config;
  // The stopper is handed back before the processes are ready: a SIGTERM while a dozen of them start
  // must stop them too, not end the launcher and leave them running.
  const options = {
    kafkaBrokers: kafkaBrokers.join(','),
    registryUrl,
    dataDir,
    ports,
    instances,
    databaseUrls,
    tracing,
  };
  const system = launchSystem(options, logger);
  // Where `make demo` and `make bench` find every instance's ops port (dev.sh names the file).
  const opsUrlsFile = process.env.OPS_URLS_FILE;
  if (opsUrlsFile) {
    const settings = Object.entries(opsUrlSettings(opsPortsOf(options)));
    fs.writeFileSync(opsUrlsFile, settings.map(([name, value]) => `export ${name}='${value}'\n`).join(''));
  }
  const { gatewayUrl, consoleUrl } = system;
  system.ready().then(
    () =>
      logger.info(
        { gatewayUrl, consoleUrl, instances, store },
        `system ready: gateway at ${gatewayUrl}, console at ${consoleUrl}/`,
      ),
    (error: unknown) => {
      logger.fatal({ err: error }, 'the system did not become ready; stopping it');
      void system.stop().finally(() => process.exit(1));
    },
  );
  return () => system.stop();
});
