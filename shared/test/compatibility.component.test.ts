// The local schema gate: FULL_TRANSITIVE checks with avsc's resolver, before any registry sees a schema;
// a refusal names the field and the rule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Type } from 'avsc';
import { SCHEMAS_DIR, checkCatalog, formatProblem, loadCatalog, type SchemaVersion } from '@saga/shared';
import { fullTransitiveProblems } from '../src/schemas/compatibility';
import { currentType, fixtureType } from './fixtures';

function history(...types: Type[]): SchemaVersion[] {
  return types.map((type, index) => ({
    topic: 'order.events',
    name: 'OrderPlaced',
    fullName: 'saga.order.OrderPlaced',
    version: index + 1,
    file: `OrderPlaced.v${index + 1}.avsc`,
    type,
    schema: type.schema({ exportAttrs: true }),
  }));
}

/** A copy of the repository's schemas with one more version of OrderPlaced, as a developer would add it. */
function schemasWithOrderPlacedV3(change: (fields: object[]) => object[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  fs.cpSync(SCHEMAS_DIR, dir, { recursive: true });
  const v2 = JSON.parse(fs.readFileSync(path.join(dir, 'order.events', 'OrderPlaced.v2.avsc'), 'utf8'));
  const v3 = { ...v2, fields: change(v2.fields) };
  fs.writeFileSync(path.join(dir, 'order.events', 'OrderPlaced.v3.avsc'), JSON.stringify(v3));
  return dir;
}

const problemsIn = (dir: string) => checkCatalog(loadCatalog(dir)).map(formatProblem);

describe('schema compatibility gate', () => {
  it('passes every schema version in the repository, v1 and v2 side by side', () => {
    expect(
      loadCatalog()
        .versions.filter((entry) => entry.version > 1)
        .map((entry) => entry.name),
    ).toEqual(['OrderPlaced', 'PlaceOrder']);
    expect(checkCatalog(loadCatalog())).toEqual([]);
  });

  it('accepts a new field with a default in both directions', () => {
    expect(
      fullTransitiveProblems(history(currentType('OrderPlaced'), fixtureType('OrderPlaced.v2-compatible'))),
    ).toEqual([]);
  });

  it('refuses a v3 field without a default, naming the field, the versions and the rule', () => {
    const dir = schemasWithOrderPlacedV3((fields) => [...fields, { name: 'loyaltyTier', type: 'string' }]);

    const problems = problemsIn(dir);

    // Against v1 and against v2: transitive. Old readers still read v3 (they skip the field): no forward problem.
    expect(problems).toEqual([
      'OrderPlaced v3: field `loyaltyTier` has no default, so a reader built on v3 cannot read data written with v1 (FULL_TRANSITIVE, backward: order.events/OrderPlaced.v3.avsc against order.events/OrderPlaced.v1.avsc)',
      'OrderPlaced v3: field `loyaltyTier` has no default, so a reader built on v3 cannot read data written with v2 (FULL_TRANSITIVE, backward: order.events/OrderPlaced.v3.avsc against order.events/OrderPlaced.v2.avsc)',
    ]);
  });

  it('refuses a v3 that drops a field old readers need, as a forward problem', () => {
    const dir = schemasWithOrderPlacedV3((fields) =>
      fields.filter((field) => (field as { name: string }).name !== 'paymentToken'),
    );

    expect(problemsIn(dir)).toContain(
      'OrderPlaced v3: field `paymentToken` is missing from v3 and has no default in v1, so a reader built on v1 cannot read data written with v3 (FULL_TRANSITIVE, forward: order.events/OrderPlaced.v3.avsc against order.events/OrderPlaced.v1.avsc)',
    );
  });

  it('names a field whose type changed, in both directions', () => {
    const dir = schemasWithOrderPlacedV3((fields) =>
      fields.map((field) =>
        (field as { name: string }).name === 'customerId' ? { name: 'customerId', type: 'long' } : field,
      ),
    );

    expect(problemsIn(dir).slice(0, 2)).toEqual([
      expect.stringMatching(
        /^OrderPlaced v3: field `customerId` is string in v1 but long in v3, so a reader built on v3/,
      ),
      expect.stringMatching(
        /^OrderPlaced v3: field `customerId` is long in v3 but string in v1, so a reader built on v1/,
      ),
    ]);
  });

  it('checks transitively: v3 is compared with v1, not only with v2', () => {
    const v1 = currentType('OrderPlaced');
    const v2 = fixtureType('OrderPlaced.v2-compatible');
    const v3 = fixtureType('OrderPlaced.v2-incompatible'); // salesChannel without default: fine after v2, not after v1

    const problems = fullTransitiveProblems(history(v1, v2, v3));

    expect(problems.map((problem) => `${problem.newer.file}<-${problem.older.file}`)).toEqual([
      'OrderPlaced.v3.avsc<-OrderPlaced.v1.avsc',
    ]);
    expect(problems[0]?.field).toEqual({ kind: 'no-default', path: 'salesChannel' });
  });
});
