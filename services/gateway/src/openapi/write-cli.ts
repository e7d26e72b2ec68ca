// `make docs`: writes the gateway's OpenAPI document to the file named on the command line, formatted
// as the gateway serves it, so the committed copy can be compared with a fresh one in a test.
import fs from 'node:fs';
import { openApiDocument } from './document';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node services/gateway/dist/openapi/write-cli.js <file.json>');
  process.exit(2);
}
fs.writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${file}`);
