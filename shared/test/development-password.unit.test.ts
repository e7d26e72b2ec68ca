import { ConfigError, refuseDevelopmentDatabasePassword } from '../src';

const DEV_URL = 'postgres://saga_payment:saga_payment@postgres:5432/saga';

describe('a DATABASE_URL with the local development password', () => {
  it('is refused with NODE_ENV=production, naming the variable', () => {
    expect(() => refuseDevelopmentDatabasePassword(DEV_URL, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => refuseDevelopmentDatabasePassword(DEV_URL, { NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });

  it('is accepted outside production, where the local stacks use it', () => {
    expect(() => refuseDevelopmentDatabasePassword(DEV_URL, { NODE_ENV: 'development' })).not.toThrow();
    expect(() => refuseDevelopmentDatabasePassword(DEV_URL, {})).not.toThrow();
  });

  it('is not confused with a password of its own, or with no password at all', () => {
    const production = { NODE_ENV: 'production' };
    expect(() =>
      refuseDevelopmentDatabasePassword('postgres://saga_payment:s3cr%2Fet@db:5432/saga', production),
    ).not.toThrow();
    expect(() => refuseDevelopmentDatabasePassword('postgres://saga_payment@db:5432/saga', production)).not.toThrow();
    expect(() => refuseDevelopmentDatabasePassword('', production)).not.toThrow();
  });
});
