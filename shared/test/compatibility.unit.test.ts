// The local schema gate: FULL_TRANSITIVE checks with avsc's resolver, before any registry sees a schema.
import type { Type } from 'avsc';
import { checkCatalog, fullTransitiveProblems, loadCatalog, type SchemaVersion } from '@saga/shared';
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

describe('schema compatibility gate', () => {
  it('passes every schema version in the repository', () => {
    expect(checkCatalog(loadCatalog())).toEqual([]);
  });

  it('accepts a new field with a default in both directions', () => {
    expect(
      fullTransitiveProblems(history(currentType('OrderPlaced'), fixtureType('OrderPlaced.v2-compatible'))),
    ).toEqual([]);
  });

  it('refuses a new field without a default: v2 readers cannot read v1 records', () => {
    const problems = fullTransitiveProblems(
      history(currentType('OrderPlaced'), fixtureType('OrderPlaced.v2-incompatible')),
    );

    expect(problems).toEqual([
      expect.objectContaining({ direction: 'backward', newer: 'OrderPlaced.v2.avsc', older: 'OrderPlaced.v1.avsc' }),
    ]);
  });

  it('checks transitively: v3 is compared with v1, not only with v2', () => {
    const v1 = currentType('OrderPlaced');
    const v2 = fixtureType('OrderPlaced.v2-compatible');
    const v3 = fixtureType('OrderPlaced.v2-incompatible'); // salesChannel without default: fine after v2, not after v1

    const problems = fullTransitiveProblems(history(v1, v2, v3));

    expect(problems.map((problem) => `${problem.newer}<-${problem.older}`)).toEqual([
      'OrderPlaced.v3.avsc<-OrderPlaced.v1.avsc',
    ]);
  });
});
