// Local schema gate: every version of a record must be FULL_TRANSITIVE compatible with every earlier
// one (new readers read old data and old readers read new data), checked with avsc's own resolver
// before anything reaches a registry.
import type { Type } from 'avsc';
import type { SchemaCatalog, SchemaVersion } from './catalog';

export type Direction = 'backward' | 'forward';

export interface CompatibilityProblem {
  name: string;
  newer: string;
  older: string;
  direction: Direction;
  reason: string;
}

/** Can `reader` decode data written with `writer`? Returns the reason when it cannot. */
export function readProblem(reader: Type, writer: Type): string | undefined {
  try {
    reader.createResolver(writer);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export function fullTransitiveProblems(history: SchemaVersion[]): CompatibilityProblem[] {
  const problems: CompatibilityProblem[] = [];
  history.forEach((newer, index) => {
    for (const older of history.slice(0, index)) {
      const backward = readProblem(newer.type, older.type);
      if (backward)
        problems.push({
          name: newer.name,
          newer: newer.file,
          older: older.file,
          direction: 'backward',
          reason: backward,
        });
      const forward = readProblem(older.type, newer.type);
      if (forward)
        problems.push({
          name: newer.name,
          newer: newer.file,
          older: older.file,
          direction: 'forward',
          reason: forward,
        });
    }
  });
  return problems;
}

export function checkCatalog(catalog: SchemaCatalog): CompatibilityProblem[] {
  const byName = new Map<string, SchemaVersion[]>();
  for (const version of catalog.versions) byName.set(version.name, [...(byName.get(version.name) ?? []), version]);
  return [...byName.values()].flatMap(fullTransitiveProblems);
}

export function formatProblem(problem: CompatibilityProblem): string {
  const who =
    problem.direction === 'backward'
      ? `a reader built on ${problem.newer} cannot read data written with ${problem.older}`
      : `a reader built on ${problem.older} cannot read data written with ${problem.newer}`;
  return `${problem.name}: ${who}: ${problem.reason}`;
}
