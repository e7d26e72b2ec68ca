// The change the schema-evolution scenario proposes and sees refused: OrderPlaced v3 with a field that
// has no default. Built from v2 at run time, so it always sits on top of the schemas as they are.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMAS_DIR, checkCatalog, formatProblem, loadCatalog, type SchemaVersion } from '@saga/shared';
import type { Schema } from 'avsc';

const V2_FILE = path.join('order.events', 'OrderPlaced.v2.avsc');
const V3_FILE = path.join('order.events', 'OrderPlaced.v3.avsc');
const NEW_FIELD = { name: 'loyaltyTier', type: 'string' };

function withNewField(schema: object): Schema {
  const record = schema as { fields: object[] };
  return { ...record, fields: [...record.fields, NEW_FIELD] } as unknown as Schema;
}

/** v3 as the registry would get it: self-contained (common types inlined), like every registered schema. */
export function incompatibleV3(): Schema {
  const v2 = loadCatalog().versions.find((entry: SchemaVersion) => entry.file === V2_FILE)!;
  return withNewField(v2.schema as object);
}

/** What `make schemas-check` says about the schemas folder with v3 added (a copy; the repository is untouched). */
export function localGateProblems(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-v3-'));
  try {
    fs.cpSync(SCHEMAS_DIR, dir, { recursive: true });
    const v2 = JSON.parse(fs.readFileSync(path.join(dir, V2_FILE), 'utf8')) as object;
    fs.writeFileSync(path.join(dir, V3_FILE), JSON.stringify(withNewField(v2), null, 2));
    return checkCatalog(loadCatalog(dir)).map(formatProblem);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
