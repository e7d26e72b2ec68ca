// Schema fixtures for evolution tests: variants of OrderPlaced parsed with the real common types.
import fs from 'node:fs';
import path from 'node:path';
import type { Schema } from 'avsc';
import { SCHEMAS_DIR } from '@saga/shared';
import { parseRecord } from '../src/schemas/catalog';

function read(file: string): Schema {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
}

const commons = fs
  .readdirSync(path.join(SCHEMAS_DIR, 'common'))
  .map((file) => read(path.join(SCHEMAS_DIR, 'common', file)));

export function fixtureType(name: 'OrderPlaced.v2-compatible' | 'OrderPlaced.v2-incompatible') {
  return parseRecord(read(path.join(__dirname, 'fixtures', `${name}.avsc`)), commons, name);
}

export function currentType(name: string) {
  return parseRecord(read(path.join(SCHEMAS_DIR, 'order.events', `${name}.v1.avsc`)), commons, name);
}
