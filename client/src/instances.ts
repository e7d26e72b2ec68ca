// A service's running instances, from its ops URL setting: each listed URL (the native launcher lists one
// per instance), and for a URL whose host is a name, one URL per address the name resolves to (compose's
// `--scale`: Docker's DNS answers every replica's address). Resolved at each use, since instances come and go.
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** How a host name becomes addresses: node:dns lookup by default, a stand-in in tests. */
export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true });

/** A comma-separated list of URLs, as an ops URL setting holds it: each trimmed, without trailing slashes. */
export function parseUrlList(raw: string): string[] {
  const urls = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (urls.length === 0) throw new Error('expected one URL or several, comma-separated');
  const bad = urls.filter((url) => !URL.canParse(url));
  if (bad.length > 0) throw new Error(`expected URLs, comma-separated; not a URL: ${bad.join(', ')}`);
  return urls.map((url) => url.replace(/\/+$/, ''));
}

/**
 * One URL per running instance of a service whose ops port answers at `opsUrls` (a list, or the setting's
 * comma-separated text). An IP literal costs no lookup; names are looked up in parallel, once per call.
 */
export async function instanceUrls(
  opsUrls: string | readonly string[],
  lookup: Lookup = systemLookup,
): Promise<string[]> {
  const listed = typeof opsUrls === 'string' ? parseUrlList(opsUrls) : opsUrls;
  const expanded = await Promise.all(listed.map((url) => expand(url, lookup)));
  return [...new Set(expanded.flat())];
}

async function expand(url: string, lookup: Lookup): Promise<string[]> {
  const parsed = new URL(url);
  // A URL's hostname keeps an IPv6 literal's brackets: "[::1]".
  if (isIP(parsed.hostname.replace(/^\[(.*)\]$/, '$1')) !== 0) return [url];
  let answers: LookupAddress[];
  try {
    answers = await lookup(parsed.hostname);
  } catch {
    // No address (every replica stopped, a name not yet in DNS): no instance to expand to. The URL stays,
    // so the caller's request to it fails and reports it by its URL, as one instance that does not answer.
    return [url];
  }
  // One family: a dual-stack host answers an IPv4 and an IPv6 address for the same process (localhost:
  // 127.0.0.1 and ::1; a replica on an IPv6-enabled Docker network), which must not count as two instances.
  const ipv4 = answers.filter(({ family }) => family === 4);
  const addresses = [...new Set((ipv4.length > 0 ? ipv4 : answers).map(({ address }) => address))];
  // One address: the URL as given, as before there were several instances. Several: sorted, so a page that
  // lists them does not reshuffle as the DNS server rotates its answers.
  if (addresses.length <= 1) return [url];
  return addresses.sort().map((address) => withHost(parsed, address));
}

function withHost(url: URL, address: string): string {
  const copy = new URL(url);
  copy.hostname = isIP(address) === 6 ? `[${address}]` : address;
  return copy.toString().replace(/\/+$/, '');
}
