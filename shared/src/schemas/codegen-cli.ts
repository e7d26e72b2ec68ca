// `npm run codegen`: regenerate shared/src/generated/events.ts from the schemas.
import fs from 'node:fs';
import { loadCatalog } from './catalog';
import { GENERATED_FILE, generateTypes } from './codegen';

fs.writeFileSync(GENERATED_FILE, generateTypes(loadCatalog()));
console.log(`wrote ${GENERATED_FILE}`);
