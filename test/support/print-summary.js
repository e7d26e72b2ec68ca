// Prints jest's totals as the plain closing line CI reads: 'N passed, N failed' (', N skipped').
const fs = require('node:fs');

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = results.numPendingTests + results.numTodoTests;
const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
