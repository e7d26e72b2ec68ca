// From an ops URL setting to one URL per running instance: the list the native launcher passes, and a
// host name that resolves to every replica (compose --scale), with a stand-in for DNS.
import type { LookupAddress } from 'node:dns';
import { ConfigError, loadConfig } from '@saga/shared';
import { endpointSettings, instanceUrls, opsUrls, type Lookup } from '@saga/client';

/** A DNS stand-in answering from a table, recording each name it was asked. */
function fakeDns(table: Record<string, string[]>): Lookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { asked });
}

describe('the ops URL settings', () => {
  it('keep one URL working as before', () => {
    const config = loadConfig(endpointSettings, { PAYMENT_OPS_URL: 'http://127.0.0.1:8103/' });

    expect(config.paymentOpsUrls).toEqual(['http://127.0.0.1:8103']);
    expect(opsUrls(config).order).toEqual(['http://127.0.0.1:8101']);
  });

  it('take one URL per instance, comma-separated', () => {
    const config = loadConfig(endpointSettings, {
      PAYMENT_OPS_URL: 'http://127.0.0.1:8103, http://127.0.0.1:8113,http://127.0.0.1:8123',
    });

    expect(config.paymentOpsUrls).toEqual(['http://127.0.0.1:8103', 'http://127.0.0.1:8113', 'http://127.0.0.1:8123']);
  });

  it('reject a list with an item that is not a URL, naming it', () => {
    const load = () => loadConfig(endpointSettings, { SHIPPING_OPS_URL: 'http://127.0.0.1:8104,8114' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/SHIPPING_OPS_URL=.*not a URL: 8114/);
  });
});

describe('instanceUrls', () => {
  it('answers each listed URL, in order, without asking DNS for an IP literal', async () => {
    const dns = fakeDns({});

    const urls = await instanceUrls(['http://127.0.0.1:8103', 'http://[::1]:8113', 'http://127.0.0.1:8123'], dns);

    expect(urls).toEqual(['http://127.0.0.1:8103', 'http://[::1]:8113', 'http://127.0.0.1:8123']);
    expect(dns.asked).toEqual([]);
  });

  it('answers one URL per address of a name that resolves to several, keeping port and path', async () => {
    const dns = fakeDns({ payment: ['172.18.0.7', '172.18.0.5', '172.18.0.6'] });

    const urls = await instanceUrls('http://payment:8103/ops', dns);

    expect(urls).toEqual(['http://172.18.0.5:8103/ops', 'http://172.18.0.6:8103/ops', 'http://172.18.0.7:8103/ops']);
  });

  it('puts an IPv6 address in brackets', async () => {
    const dns = fakeDns({ payment: ['fd00::5', 'fd00::6'] });

    expect(await instanceUrls(['http://payment:8103'], dns)).toEqual([
      'http://[fd00::5]:8103',
      'http://[fd00::6]:8103',
    ]);
  });

  it('counts an IPv4 and an IPv6 address of one host as one instance', async () => {
    const dns = fakeDns({
      payment: ['172.18.0.5', 'fd00::5', '172.18.0.6', 'fd00::6'],
      localhost: ['127.0.0.1', '::1'],
    });

    expect(await instanceUrls(['http://payment:8103'], dns)).toEqual([
      'http://172.18.0.5:8103',
      'http://172.18.0.6:8103',
    ]);
    expect(await instanceUrls(['http://localhost:8103'], dns)).toEqual(['http://localhost:8103']);
  });

  it('keeps a name with one address, or none, as given, so a request to it reports that URL', async () => {
    const dns = fakeDns({ payment: ['172.18.0.5'] });

    expect(await instanceUrls('http://payment:8103', dns)).toEqual(['http://payment:8103']);
    expect(await instanceUrls('http://shipping:8104', dns)).toEqual(['http://shipping:8104']);
  });

  it('resolves at each call, so an instance that joined is found', async () => {
    const table = { payment: ['172.18.0.5', '172.18.0.6'] };
    const dns = fakeDns(table);
    const before = await instanceUrls('http://payment:8103', dns);

    table.payment.push('172.18.0.7');
    const after = await instanceUrls('http://payment:8103', dns);

    expect(before).toHaveLength(2);
    expect(after).toEqual(['http://172.18.0.5:8103', 'http://172.18.0.6:8103', 'http://172.18.0.7:8103']);
  });

  it('lists an instance once when two entries reach it', async () => {
    const dns = fakeDns({ payment: ['172.18.0.5', '172.18.0.6'] });

    const urls = await instanceUrls('http://payment:8103,http://172.18.0.6:8103', dns);

    expect(urls).toEqual(['http://172.18.0.5:8103', 'http://172.18.0.6:8103']);
  });

  it('resolves a name of this machine through the system resolver to one instance', async () => {
    const urls = await instanceUrls('http://localhost:8103');

    expect(urls).toEqual(['http://localhost:8103']);
  });
});
