// Scale-out as the launcher plans it: several processes of each saga service with their own names, ops
// ports and data folders, each service (and the gateway) handed its own database, each process its own
// name in its traces; and the settings that cannot work refused at start, naming their variables.
import { defaultPorts } from '@saga/client';
import { ConfigError } from '@saga/shared';
import { loadLauncherConfig } from '../src/launcher/config';
import { systemProcesses, type SystemOptions } from '../src/launcher/system';

const databaseUrls = {
  order: 'postgres://saga_order:saga_order@127.0.0.1:5433/saga',
  inventory: 'postgres://saga_inventory:saga_inventory@127.0.0.1:5433/saga',
  payment: 'postgres://saga_payment:saga_payment@127.0.0.1:5433/saga',
  shipping: 'postgres://saga_shipping:saga_shipping@127.0.0.1:5433/saga',
  gateway: 'postgres://saga_gateway:saga_gateway@127.0.0.1:5433/saga',
};
const base: SystemOptions = {
  kafkaBrokers: 'k',
  registryUrl: 'r',
  dataDir: '/data',
  ports: defaultPorts,
  tracing: { zipkinUrl: 'http://127.0.0.1:9411' },
};
const byName = (options: SystemOptions) => new Map(systemProcesses(options).map((spec) => [spec.name, spec]));

describe('the launcher with several instances of each saga service', () => {
  it('names each process of a service after its instance and gives it the next ops port and a folder of its own', () => {
    const processes = byName({ ...base, instances: 3, databaseUrls });

    expect([...processes.keys()]).toEqual([
      'payment-provider',
      'carrier',
      ...['order', 'inventory', 'payment', 'shipping'].flatMap((s) => [`${s}-1`, `${s}-2`, `${s}-3`]),
      'gateway',
      'console',
    ]);
    expect(['payment-1', 'payment-2', 'payment-3'].map((name) => processes.get(name)!.env)).toEqual([
      expect.objectContaining({ HTTP_PORT: '8103', DATA_DIR: '/data/payment-1', DATABASE_URL: databaseUrls.payment }),
      expect.objectContaining({ HTTP_PORT: '8113', DATA_DIR: '/data/payment-2', DATABASE_URL: databaseUrls.payment }),
      expect.objectContaining({ HTTP_PORT: '8123', DATA_DIR: '/data/payment-3', DATABASE_URL: databaseUrls.payment }),
    ]);
    expect(processes.get('shipping-2')!.readyUrl).toBe('http://127.0.0.1:8114/ready');
    expect(processes.get('gateway')!.env).toMatchObject({ DATA_DIR: '/data', DATABASE_URL: databaseUrls.gateway });
  });

  it('keeps one process per service under its plain name, on SQLite, with an inherited DATABASE_URL blanked', () => {
    const processes = byName(base);

    expect(processes.get('order')!.env).toMatchObject({ HTTP_PORT: '8101', DATA_DIR: '/data', DATABASE_URL: '' });
    expect(processes.has('order-1')).toBe(false);
  });

  it('takes every instance ops port from the caller when given', () => {
    const opsPorts = { order: [1, 2], inventory: [3, 4], payment: [5, 6], shipping: [7, 8] };

    expect(byName({ ...base, instances: 2, databaseUrls, opsPorts }).get('payment-2')!.env['HTTP_PORT']).toBe('6');
  });

  it('refuses several instances without a database per service', () => {
    expect(() => systemProcesses({ ...base, instances: 2 })).toThrow(ConfigError);
  });
});

describe('the launcher and tracing', () => {
  const tracingOf = (env: Record<string, string>) =>
    Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('OTEL_')));

  it('names every process in its spans by its kind and its instance, and sends them all to one Zipkin', () => {
    const processes = byName({ ...base, instances: 2, databaseUrls });

    expect(Object.fromEntries([...processes].map(([name, spec]) => [name, tracingOf(spec.env)]))).toEqual(
      Object.fromEntries(
        [...processes.keys()].map((name) => [
          name,
          {
            OTEL_SERVICE_NAME: name.replace(/-\d$/, ''),
            OTEL_RESOURCE_ATTRIBUTES: `service.instance.id=${name}`,
            OTEL_TRACES_EXPORTER: 'zipkin',
            OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9411/api/v2/spans',
          },
        ]),
      ),
    );
    expect(processes.get('payment-2')!.env['OTEL_SERVICE_NAME']).toBe('payment');
    expect(processes.get('console')!.env['ZIPKIN_URL']).toBe('http://127.0.0.1:9411');
  });

  it('hands on OTEL_SDK_DISABLED when given, and lets the extra environment override the tracing settings', () => {
    const off = byName({ ...base, tracing: { ...base.tracing, sdkDisabled: 'true' } });
    const overridden = byName({ ...base, env: { OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://elsewhere/api/v2/spans' } });

    expect([...off.values()].map((spec) => spec.env['OTEL_SDK_DISABLED'])).toEqual(Array(8).fill('true'));
    expect(byName(base).get('order')!.env).not.toHaveProperty('OTEL_SDK_DISABLED');
    expect(overridden.get('carrier')!.env['OTEL_EXPORTER_ZIPKIN_ENDPOINT']).toBe('http://elsewhere/api/v2/spans');
  });
});

describe('the launcher settings', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      loadLauncherConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('names STORE and INSTANCES when their values are not understood', () => {
    expect(problems({ STORE: 'mysql', INSTANCES: '0' })).toEqual([
      expect.stringMatching(/^STORE="mysql": expected one of sqlite, postgres/),
      expect.stringMatching(/^INSTANCES="0": expected an integer from 1 to 9/),
    ]);
  });

  it('refuses INSTANCES above 1 on SQLite, and STORE=postgres without every service URL', () => {
    expect(problems({ INSTANCES: '3' })).toEqual([expect.stringMatching(/^INSTANCES=3 needs STORE=postgres/)]);
    expect(problems({ STORE: 'postgres', ORDER_DATABASE_URL: databaseUrls.order })).toEqual(
      ['INVENTORY', 'PAYMENT', 'SHIPPING', 'GATEWAY'].map((name) =>
        expect.stringMatching(`^${name}_DATABASE_URL unset`),
      ),
    );
  });

  it('points the processes at Zipkin on ZIPKIN_PORT (9411 unless set), and passes OTEL_SDK_DISABLED on as given', () => {
    expect(loadLauncherConfig({}).tracing).toEqual({ zipkinUrl: 'http://127.0.0.1:9411', sdkDisabled: undefined });
    expect(loadLauncherConfig({ ZIPKIN_PORT: '19411', OTEL_SDK_DISABLED: 'true' }).tracing).toEqual({
      zipkinUrl: 'http://127.0.0.1:19411',
      sdkDisabled: 'true',
    });
    expect(problems({ ZIPKIN_PORT: 'zipkin' })).toEqual([expect.stringMatching(/^ZIPKIN_PORT="zipkin"/)]);
  });

  it('hands the services their URLs when STORE=postgres, and none on SQLite', () => {
    const env = Object.fromEntries(
      Object.entries(databaseUrls).map(([service, url]) => [`${service.toUpperCase()}_DATABASE_URL`, url]),
    );

    expect(loadLauncherConfig({ ...env, STORE: 'postgres', INSTANCES: '3' })).toMatchObject({
      instances: 3,
      databaseUrls,
    });
    expect(loadLauncherConfig(env).databaseUrls).toBeUndefined();
  });
});
