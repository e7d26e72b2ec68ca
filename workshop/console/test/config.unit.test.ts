// The console's settings: the trace viewer it links orders to, and a start refused on a bad value.
import { ConfigError } from '@saga/shared';
import { loadConsoleConfig } from '../src/config';

describe("the console's ZIPKIN_URL", () => {
  it('defaults to the local Zipkin and drops a trailing slash', () => {
    expect(loadConsoleConfig({}).zipkinUrl).toBe('http://127.0.0.1:9411');
    expect(loadConsoleConfig({ ZIPKIN_URL: 'http://zipkin:9411/' }).zipkinUrl).toBe('http://zipkin:9411');
  });

  it('When it is not a URL, Then the console does not start, and the error names the variable', () => {
    const load = () => loadConsoleConfig({ ZIPKIN_URL: 'zipkin here' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ZIPKIN_URL="zipkin here": .*URL/);
  });
});
