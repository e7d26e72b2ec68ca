// `make docs`: writes the AsyncAPI document to the YAML file named on the command line. A test
// compares the committed copy with a fresh one, so a changed topic, handler or schema shows up there.
import fs from 'node:fs';
import { asyncApiYaml } from './asyncapi';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node infra/dist/docs/write-asyncapi.js <file.yaml>');
  process.exit(2);
}
fs.writeFileSync(file, asyncApiYaml());
console.log(`wrote ${file}`);
