// Local schema gate: every version of a record must be FULL_TRANSITIVE compatible with every earlier
// one (new readers read old data and old readers read new data), checked with avsc's own resolver
// before anything reaches a registry. A failure names the field and the rule it breaks.
import type { Type } from 'avsc';
import type { SchemaCatalog, SchemaVersion } from './catalog';
import { fieldIssue, type FieldIssue } from './field-issue';

/** backward: the newer version reads data written with the older; forward: the older reads the newer. */
export type Direction = 'backward' | 'forward';

export interface CompatibilityProblem {
  name: string;
  newer: SchemaVersion;
  older: SchemaVersion;
  direction: Direction;
  /** The field at fault, when one can be named (a dotted path into nested records). */
  field?: FieldIssue;
  /** avsc's resolver error, for what no field explains. */
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

function problem(newer: SchemaVersion, older: SchemaVersion, direction: Direction): CompatibilityProblem | undefined {
  const [reader, writer] = direction === 'backward' ? [newer, older] : [older, newer];
  const reason = readProblem(reader.type, writer.type);
  if (reason === undefined) return undefined;
  const field = fieldIssue(reader.type, writer.type);
  return { name: newer.name, newer, older, direction, reason, ...(field && { field }) };
}

export function fullTransitiveProblems(history: SchemaVersion[]): CompatibilityProblem[] {
  return history.flatMap((newer, index) =>
    history
      .slice(0, index)
      .flatMap((older) => [problem(newer, older, 'backward'), problem(newer, older, 'forward')])
      .filter((found): found is CompatibilityProblem => found !== undefined),
  );
}

export function checkCatalog(catalog: SchemaCatalog): CompatibilityProblem[] {
  const byName = new Map<string, SchemaVersion[]>();
  for (const version of catalog.versions) byName.set(version.name, [...(byName.get(version.name) ?? []), version]);
  return [...byName.values()].flatMap(fullTransitiveProblems);
}

const label = (version: SchemaVersion) => `v${version.version}`;

/** Why the field breaks the read, in the reader's and writer's terms. */
function fieldFault(issue: FieldIssue, reader: SchemaVersion, writer: SchemaVersion): string {
  const field = `field \`${issue.path}\``;
  if (issue.kind === 'type-changed') {
    return `${field} is ${issue.writerType} in ${label(writer)} but ${issue.readerType} in ${label(reader)}`;
  }
  return reader.version > writer.version
    ? `${field} has no default`
    : `${field} is missing from ${label(writer)} and has no default in ${label(reader)}`;
}

/**
 * e.g. "OrderPlaced v3: field `loyaltyTier` has no default, so a reader built on v3 cannot read data
 * written with v1 (FULL_TRANSITIVE, backward)".
 */
export function formatProblem(problem: CompatibilityProblem): string {
  const [reader, writer] =
    problem.direction === 'backward' ? [problem.newer, problem.older] : [problem.older, problem.newer];
  const rule = `(FULL_TRANSITIVE, ${problem.direction}: ${problem.newer.file} against ${problem.older.file})`;
  const cannot = `a reader built on ${label(reader)} cannot read data written with ${label(writer)}`;
  const head = `${problem.name} ${label(problem.newer)}`;
  return problem.field
    ? `${head}: ${fieldFault(problem.field, reader, writer)}, so ${cannot} ${rule}`
    : `${head}: ${cannot} ${rule}: ${problem.reason}`;
}
