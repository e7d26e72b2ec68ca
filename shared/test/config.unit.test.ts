import { ConfigError, formats, loadConfig, platformSettings, setting } from '@saga/shared';

const schema = {
  ...platformSettings,
  port: setting('HTTP_PORT', 'HTTP port', 8080, formats.port),
};

describe('config', () => {
  it('uses local defaults when nothing is set', () => {
    expect(loadConfig(schema, {})).toEqual({
      kafkaBrokers: ['127.0.0.1:9092'],
      registryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
      logLevel: 'info',
      port: 8080,
    });
  });

  it('parses values from the environment', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: 'a:1, b:2',
      HTTP_PORT: '9000',
      SCHEMA_REGISTRY_URL: 'http://r:8081/',
    });

    expect(config).toMatchObject({ kafkaBrokers: ['a:1', 'b:2'], port: 9000, registryUrl: 'http://r:8081' });
  });

  it('lists every bad variable at once', () => {
    const load = () => loadConfig(schema, { HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', SCHEMA_REGISTRY_URL: 'not a url' });

    expect(load).toThrow(ConfigError);
    for (const variable of ['HTTP_PORT="eighty"', 'LOG_LEVEL="loud"', 'SCHEMA_REGISTRY_URL="not a url"']) {
      expect(load).toThrow(variable);
    }
  });
});
