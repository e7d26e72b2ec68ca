// `make bench` (node bench/dist/main.js) against a running system: runs the bench, writes latest.json
// and latest.md to BENCH_OUT_DIR and the table into BENCH_DOC (docs/benchmarks.md) between its markers,
// prints the table, and prints the summary as one JSON object on the last line.
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, formats, loadConfig, setting } from '@saga/shared';
import { loadBenchConfig } from './config';
import { writeDocBlock } from './doc-block';
import { renderMarkdown } from './markdown';
import { runBench } from './run';

async function run(): Promise<void> {
  const config = loadBenchConfig();
  const { doc } = loadConfig({
    doc: setting('BENCH_DOC', 'Markdown file whose bench block gets the table ("" = none)', '', formats.string),
  });
  const logger = createLogger('bench', config.logLevel);
  const report = await runBench(config, logger);
  const markdown = renderMarkdown(report);
  if (config.outDir) {
    fs.mkdirSync(config.outDir, { recursive: true });
    fs.writeFileSync(path.join(config.outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(path.join(config.outDir, 'latest.md'), `# Latest benchmark\n\n${markdown}`);
  }
  if (doc) writeDocBlock(doc, 'bench', markdown);
  console.log(markdown);
  console.log(JSON.stringify(report.summary));
}

run().then(
  () => process.exit(0), // kafkajs and fetch keep sockets alive; the run is over
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
