// Where the console finds each saga service's ops port (/metrics): `order=http://…,payment=http://…`.
// Natively every port is on 127.0.0.1; in compose each service is reached by its container name.

export const ConsoleServices = ['order', 'inventory', 'payment', 'shipping'] as const;
export type ConsoleService = (typeof ConsoleServices)[number];

/** Parses CONSOLE_OPS_URLS; throws (and config lists it) unless every service has exactly one URL. */
export function parseOpsUrls(raw: string): Record<ConsoleService, string> {
  const urls: Partial<Record<ConsoleService, string>> = {};
  for (const pair of raw.split(',').map((item) => item.trim())) {
    const [name, url] = pair.split(/=(.*)/s, 2).map((part) => part?.trim() ?? '');
    if (!ConsoleServices.includes(name as ConsoleService) || !url || !URL.canParse(url)) {
      throw new Error(`expected <service>=<url> pairs with service in ${ConsoleServices.join(', ')}, not "${pair}"`);
    }
    urls[name as ConsoleService] = url.replace(/\/+$/, '');
  }
  const missing = ConsoleServices.filter((name) => !urls[name]);
  if (missing.length > 0) throw new Error(`expected a URL for ${missing.join(', ')}`);
  return urls as Record<ConsoleService, string>;
}
