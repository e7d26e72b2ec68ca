// The catalog seed file: the repo's own is valid, and a broken one fails fast listing every problem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@saga/shared';
import { readCatalog } from '../src/catalog';

function fileWith(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'catalog.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('the catalog seed', () => {
  it('reads the repo catalog: unique skus in one currency, one with small stock for out-of-stock demos', () => {
    const entries = readCatalog(path.resolve(__dirname, '../catalog.json'));

    expect(new Set(entries.map((entry) => entry.sku)).size).toBe(entries.length);
    expect(new Set(entries.map((entry) => entry.currency))).toEqual(new Set(['EUR']));
    expect(entries).toContainEqual(expect.objectContaining({ sku: 'SKU-005', stock: 3 }));
  });

  it('keeps only the known fields of an entry', () => {
    const entry = { sku: 'A', name: 'a', unitPriceCents: 1, currency: 'EUR', stock: 1, note: 'extra' };

    expect(readCatalog(fileWith([entry]))).toEqual([
      { sku: 'A', name: 'a', unitPriceCents: 1, currency: 'EUR', stock: 1 },
    ]);
  });

  it('rejects a broken catalog with a ConfigError that lists every problem', () => {
    const file = fileWith([
      { sku: 'A', name: 'a', unitPriceCents: 1, currency: 'EUR', stock: -1 },
      { sku: 'A', name: '', unitPriceCents: 1.5, currency: 'USD', stock: 1 },
    ]);

    const error = (() => {
      try {
        readCatalog(file);
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([
      expect.stringContaining('entry 0: stock'),
      expect.stringContaining('entry 1: name'),
      expect.stringContaining('entry 1: unitPriceCents'),
      expect.stringContaining('sku A is listed twice'),
      expect.stringContaining('same currency'),
    ]);
  });

  it('rejects a file that is missing or not JSON', () => {
    expect(() => readCatalog('/nonexistent/catalog.json')).toThrow(ConfigError);
    expect(() => readCatalog(fileWith('not an array'))).toThrow(ConfigError);
  });
});
