// The catalog seed: read and checked from a JSON file at start, then each product the store does not
// have yet is added with its StockLevelChanged, so the gateway's read model learns it.
import fs from 'node:fs';
import { ConfigError, type Logger, type ServiceMessaging } from '@saga/shared';
import { addToCatalog, type CatalogEntry } from './domain/stock';
import { decideAndApply } from './handlers/decide-and-apply';
import type { InventoryStore } from './store';

const isCount = (value: unknown, max = 2 ** 31 - 1): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;

function problemsOf(entry: Record<string, unknown>, index: number): string[] {
  const at = `entry ${index}`;
  const problems: string[] = [];
  if (typeof entry.sku !== 'string' || entry.sku.trim() === '') problems.push(`${at}: sku must be a non-empty string`);
  if (typeof entry.name !== 'string' || entry.name.trim() === '')
    problems.push(`${at}: name must be a non-empty string`);
  if (!isCount(entry.unitPriceCents, Number.MAX_SAFE_INTEGER)) problems.push(`${at}: unitPriceCents must be >= 0`);
  if (typeof entry.currency !== 'string' || !/^[A-Z]{3}$/.test(entry.currency)) {
    problems.push(`${at}: currency must be an ISO 4217 code`);
  }
  if (!isCount(entry.stock)) problems.push(`${at}: stock must be an integer >= 0`);
  return problems;
}

/** Reads `file`; fails fast with every problem listed, like invalid config. */
export function readCatalog(file: string): CatalogEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`INVENTORY_CATALOG_FILE=${file}: cannot read it as JSON (${(error as Error).message})`]);
  }
  if (!Array.isArray(parsed)) throw new ConfigError([`INVENTORY_CATALOG_FILE=${file}: expected an array of products`]);
  const problems = parsed.flatMap((entry: Record<string, unknown>, index) =>
    typeof entry === 'object' && entry !== null ? problemsOf(entry, index) : [`entry ${index}: expected an object`],
  );
  // Only the known fields: anything else in the file (a description, a comment) stays out of the store.
  const entries = (parsed as CatalogEntry[]).map(({ sku, name, unitPriceCents, currency, stock }) => ({
    sku,
    name,
    unitPriceCents,
    currency,
    stock,
  }));
  const skus = entries.map((entry) => entry.sku);
  skus
    .filter((sku, index) => skus.indexOf(sku) !== index)
    .forEach((sku) => problems.push(`sku ${sku} is listed twice`));
  // One currency: an order's total is the sum of its lines.
  const currencies = new Set(entries.map((entry) => entry.currency));
  if (currencies.size > 1) problems.push(`every product needs the same currency, found ${[...currencies].join(', ')}`);
  if (problems.length > 0)
    throw new ConfigError(problems.map((problem) => `INVENTORY_CATALOG_FILE=${file}: ${problem}`));
  return entries;
}

/**
 * One transaction per product, each skipping a product already stored: on the first start every
 * product is added, and a start interrupted halfway finishes the job next time. The envelope's
 * correlation id is the sku, as on every stock record.
 */
export async function seedCatalog(
  entries: readonly CatalogEntry[],
  store: InventoryStore,
  messaging: ServiceMessaging,
  logger: Logger,
): Promise<void> {
  const decisions = await Promise.all(
    entries.map((entry) =>
      messaging.act({ correlationId: entry.sku, causationId: 'catalog-seed' }, (context) =>
        decideAndApply(store, context, async () => {
          await store.lockCatalog();
          return addToCatalog(await store.product(entry.sku), entry);
        }),
      ),
    ),
  );
  const added = entries.filter((_, index) => decisions[index]?.kind === 'changed').map((entry) => entry.sku);
  logger.info({ added, alreadyStored: entries.length - added.length }, 'catalog seeded');
}
