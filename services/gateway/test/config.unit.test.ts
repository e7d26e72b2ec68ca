// The gateway's configuration: DATABASE_URL chooses the engine of its stores, and a malformed one stops
// the start with an error naming it.
import { ConfigError } from '@saga/shared';
import { loadGatewayConfig } from '../src/config';

describe('the gateway configuration', () => {
  it('keeps the stores on SQLite in DATA_DIR when DATABASE_URL is unset', () => {
    expect(loadGatewayConfig({ DATA_DIR: '/tmp/gw' })).toMatchObject({ databaseUrl: '', dataDir: '/tmp/gw' });
  });

  it('takes a postgres:// DATABASE_URL as is', () => {
    const url = 'postgres://saga_gateway:secret@db:5432/saga';
    expect(loadGatewayConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('refuses a DATABASE_URL that is not a postgres:// URL, naming it', () => {
    expect(() => loadGatewayConfig({ DATABASE_URL: 'mysql://db/saga' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ DATABASE_URL: 'mysql://db/saga' })).toThrow(/DATABASE_URL="mysql:\/\/db\/saga"/);
  });
});
