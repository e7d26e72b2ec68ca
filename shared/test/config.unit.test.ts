import {
  ConfigError,
  devPassword,
  formats,
  kafkaSecurity,
  kafkaSettings,
  loadConfig,
  platformSettings,
  setting,
} from '@saga/shared';

const schema = {
  ...platformSettings,
  port: setting('HTTP_PORT', 'HTTP port', 8080, formats.port),
};

describe('config', () => {
  it('uses local defaults when nothing is set', () => {
    expect(loadConfig(schema, {})).toEqual({
      kafkaBrokers: ['127.0.0.1:9092'],
      kafkaSaslMechanism: 'scram-sha-512',
      kafkaSaslUsername: '',
      kafkaSaslPassword: '',
      kafkaSslCaLocation: '',
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

describe('Kafka credentials', () => {
  const security = (env: NodeJS.ProcessEnv) => () => kafkaSecurity(loadConfig(kafkaSettings, env), env);
  const asPayment = { KAFKA_SASL_USERNAME: 'payment', KAFKA_SASL_PASSWORD: devPassword('payment') };

  it('connects with SCRAM-SHA-512 as the principal the environment names', () => {
    expect(security(asPayment)()).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'payment', password: devPassword('payment') },
    });
  });

  it('refuses a development password in production, naming the variable', () => {
    const start = security({ ...asPayment, NODE_ENV: 'production' });

    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/KAFKA_SASL_PASSWORD: a local development default, refused with NODE_ENV=production/);
  });

  it('accepts a password of its own in production', () => {
    expect(
      security({ ...asPayment, KAFKA_SASL_PASSWORD: 's3cret-from-a-vault', NODE_ENV: 'production' })(),
    ).toMatchObject({
      sasl: { username: 'payment' },
    });
  });
});
