// `make schemas-check`: fails when any schema version is not FULL_TRANSITIVE compatible with its
// predecessors, or when the generated TypeScript types no longer match the schemas. An optional
// argument checks another schemas folder (a proposed change) against the same rules, without the
// generated-types check, which is about this checkout's own schemas.
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog, SCHEMAS_DIR } from './catalog';
import { checkCatalog, formatProblem } from './compatibility';
import { GENERATED_FILE, generateTypes } from './codegen';

function run(dir: string): number {
  const catalog = loadCatalog(dir);
  const problems = checkCatalog(catalog).map(formatProblem);
  if (path.resolve(dir) === SCHEMAS_DIR) {
    const generated = fs.existsSync(GENERATED_FILE) ? fs.readFileSync(GENERATED_FILE, 'utf8') : '';
    if (generated !== generateTypes(catalog)) {
      problems.push(`${GENERATED_FILE} is stale: run 'npm run codegen' and commit the result`);
    }
  }
  for (const problem of problems) console.error(`schemas-check: ${problem}`);
  console.log(
    `schemas-check: ${catalog.versions.length} schema versions of ${catalog.latest.size} records, ${problems.length} problems`,
  );
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = run(process.argv[2] ?? SCHEMAS_DIR);
