// The inventory's seed catalog (services/inventory/catalog.json) as the tests read it: the stock a fresh
// test system starts with, and a wait until the gateway shows that seed rather than an earlier system's.
import fs from 'node:fs';
import path from 'node:path';
import type { GatewayClient } from '@saga/client';

/** Initial stock per sku, as the inventory seeds it into a fresh store. */
export const catalogStock: ReadonlyMap<string, number> = new Map(
  (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../services/inventory/catalog.json'), 'utf8')) as {
      sku: string;
      stock: number;
    }[]
  ).map(({ sku, stock }) => [sku, stock]),
);

/**
 * A test system starts with a fresh store, which the inventory seeds from the catalog; the compacted
 * stock topic still holds the levels an earlier system left, so wait until the seed has replaced them.
 * Answers the catalog's levels: where a stock-conservation check starts.
 */
export async function freshCatalog(gateway: GatewayClient): Promise<Map<string, number>> {
  for (const [sku, stock] of catalogStock)
    await gateway.stockWhen(sku, (s) => s.available === stock && s.reserved === 0);
  return new Map(catalogStock);
}
