// Prints jest's totals as the plain closing line CI reads: 'N passed, N failed' (', N skipped').
// Given several result files (make test, make test-chaos), it prints their sum; a missing file counts
// as one failure, so a run that never produced results cannot look green. Each failed test is named
// with the first lines of its message above the totals: CI shows only the tail of the output.
const fs = require('node:fs');
const { stripVTControlCharacters } = require('node:util');

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    failed += 1;
    continue;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
  skipped += results.numPendingTests + results.numTodoTests;
  for (const suite of results.testResults) {
    const failedTests = suite.assertionResults.filter((test) => test.status === 'failed');
    if (failedTests.length === 0 && suite.status === 'failed')
      failures.push({ name: suite.name, message: suite.message });
    for (const test of failedTests) {
      failures.push({ name: `${suite.name} > ${test.fullName}`, message: test.failureMessages.join('\n') });
    }
  }
}
for (const { name, message } of failures) {
  const lines = stripVTControlCharacters(message)
    .split('\n')
    .filter((line) => line.trim() !== '');
  console.log(`FAILED ${name}\n  ${lines.slice(0, 12).join('\n  ')}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
