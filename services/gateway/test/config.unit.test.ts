// The gateway's configuration: DATABASE_URL chooses the engine of its stores, a malformed setting stops
// the start with an error naming it, and production refuses the development key.
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

  it('refuses the DEVELOPMENT ONLY public key when NODE_ENV=production, naming AUTH_PUBLIC_KEY', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_PUBLIC_KEY/);
    expect(loadGatewayConfig({}).authPublicKey).toContain('BEGIN PUBLIC KEY');
  });

  it('refuses a rate limit below one order, naming the variable', () => {
    expect(() => loadGatewayConfig({ ORDER_RATE_LIMIT_BURST: '0' })).toThrow(/ORDER_RATE_LIMIT_BURST/);
  });
});
