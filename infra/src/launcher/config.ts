// The launcher's settings, parsed once at start: the platform, every port, where the services keep their
// state (SQLite files in DATA_DIR, or a PostgreSQL database each), how many processes each saga service
// runs and where they send their traces. Invalid or contradictory settings fail together, each naming its
// variable.
import path from 'node:path';
import { ConfigError, formats, loadConfig, platformSettings, setting, type Setting } from '@saga/shared';
import { defaultPorts, type SystemPorts } from '@saga/client';
import { DatabaseServices, databaseUrlVariable, type DatabaseService } from '../postgres/service-databases';
import { MAX_INSTANCES, Stores } from './system';
import type { Tracing } from './tracing';

const port = (env: string, doc: string, fallback: number) => setting(env, doc, fallback, formats.port);

const instanceCount = (raw: string): number => {
  const value = formats.int(raw);
  if (value < 1 || value > MAX_INSTANCES) throw new Error(`expected an integer from 1 to ${MAX_INSTANCES}`);
  return value;
};

// An unset URL parses as '' and is reported below only when STORE=postgres needs it.
const urlKey = (service: DatabaseService) => `${service}DatabaseUrl` as const;
const databaseUrlSettings = Object.fromEntries(
  DatabaseServices.map((service) => [
    urlKey(service),
    setting(
      databaseUrlVariable(service),
      `the ${service} role's own database (STORE=postgres)`,
      '',
      formats.postgresUrl,
    ),
  ]),
) as Record<ReturnType<typeof urlKey>, Setting<string>>;

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      ...platformSettings,
      dataDir: setting(
        'DATA_DIR',
        'parent folder of every service database',
        path.resolve(__dirname, '../../.stack/run/data'),
        formats.string,
      ),
      store: setting('STORE', 'where the services keep their state', 'sqlite', formats.oneOf(...Stores)),
      instances: setting(
        'INSTANCES',
        'processes of each saga service, sharing its consumer group; the ops port of the n-th is its port + 10·(n-1)',
        1,
        instanceCount,
      ),
      gateway: port('GATEWAY_PORT', 'REST gateway', defaultPorts.gateway),
      console: port('CONSOLE_PORT', 'workshop console', defaultPorts.console),
      order: port('ORDER_HTTP_PORT', 'order service ops port', defaultPorts.order),
      inventory: port('INVENTORY_HTTP_PORT', 'inventory service ops port', defaultPorts.inventory),
      payment: port('PAYMENT_HTTP_PORT', 'payment service ops port', defaultPorts.payment),
      shipping: port('SHIPPING_HTTP_PORT', 'shipping service ops port', defaultPorts.shipping),
      paymentProvider: port('PAYMENT_PROVIDER_PORT', 'fake payment provider', defaultPorts.paymentProvider),
      carrier: port('CARRIER_PORT', 'fake carrier', defaultPorts.carrier),
      zipkin: port('ZIPKIN_PORT', 'Zipkin on 127.0.0.1, where every process sends its spans', 9411),
      // The OpenTelemetry SDK's own switch, handed on to every process as given; the SDK reads it.
      sdkDisabled: setting('OTEL_SDK_DISABLED', "'true': no process exports spans", '', formats.string),
      ...databaseUrlSettings,
    },
    env,
  );
  const databaseUrls = Object.fromEntries(
    DatabaseServices.map((service) => [service, config[urlKey(service)]]),
  ) as Record<DatabaseService, string>;

  const problems: string[] = [];
  if (config.instances > 1 && config.store !== 'postgres') {
    problems.push(
      `INSTANCES=${config.instances} needs STORE=postgres: the processes of one service must share its state, ` +
        'and a SQLite file belongs to one process',
    );
  }
  if (config.store === 'postgres') {
    for (const service of DatabaseServices) {
      if (!databaseUrls[service]) {
        problems.push(
          `${databaseUrlVariable(service)} unset: STORE=postgres needs each service's own database URL ` +
            '(node infra/dist/provision-databases.js prints them)',
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const ports = Object.fromEntries(
    (Object.keys(defaultPorts) as (keyof SystemPorts)[]).map((name) => [name, config[name]]),
  ) as SystemPorts;
  const { kafkaBrokers, registryUrl, logLevel, dataDir, store, instances } = config;
  const tracing: Tracing = {
    zipkinUrl: `http://127.0.0.1:${config.zipkin}`,
    sdkDisabled: config.sdkDisabled === '' ? undefined : config.sdkDisabled,
  };
  return {
    kafkaBrokers,
    registryUrl,
    logLevel,
    dataDir,
    store,
    instances,
    ports,
    tracing,
    databaseUrls: store === 'postgres' ? databaseUrls : undefined,
  };
}
