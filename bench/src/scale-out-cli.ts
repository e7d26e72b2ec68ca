// The Node half of `make bench STORE=postgres INSTANCES=n` (bench/scale-out.sh starts and stops a system
// per instance count and calls this in between):
//   node bench/dist/scale-out-cli.js measure FILE   the saga part of the bench on the running system
//                                                   (INSTANCES of each service), its figures into FILE
//   node bench/dist/scale-out-cli.js report FILE…   the counts' figures into BENCH_OUT_DIR/instances.json
//                                                   and BENCH_DOC's bench-instances block; prints the
//                                                   tables, then one JSON line with a row per count
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isReady } from '@saga/client';
import { createLogger, formats, loadConfig, setting } from '@saga/shared';
import { loadBenchConfig, sagaInstances, systemPorts, type BenchConfig } from './config';
import { writeDocBlock } from './doc-block';
import { machineBusySeconds } from './processes';
import { machine, systemPids } from './run';
import { PhaseSampler } from './sampler';
import { runSagaBench } from './saga-bench';
import { instancesRow, type InstancesRun } from './scale-out';
import { renderInstancesMarkdown } from './scale-out-markdown';

const READY_TIMEOUT_MS = 180_000;
const LOAD_SAMPLE_MS = 5_000;

/**
 * dev.sh returns once the gateway and the console are ready, when the last instances may still be starting
 * (or restarting): an instance not listening yet would be left out of the CPU figures, so wait for all.
 */
async function untilEveryInstanceReady(config: BenchConfig): Promise<void> {
  const instances = Object.values(sagaInstances(config)).flat();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const ready = await Promise.all(instances.map(({ port }) => isReady(`http://127.0.0.1:${port}`)));
    const waiting = instances.filter((_, index) => !ready[index]).map(({ name }) => name);
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s: ${waiting.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measure(file: string): Promise<void> {
  const config = loadBenchConfig();
  const logger = createLogger('bench', config.logLevel);
  await untilEveryInstanceReady(config);
  const pids = systemPids(config, logger);
  // A count's CPU figures are only comparable with the others' if they cover the same processes.
  const missing = Object.keys(systemPorts(config)).filter((name) => !pids.has(name));
  if (missing.length > 0) throw new Error(`nothing listens for ${missing.join(', ')}: is the whole system up?`);
  const startedAt = new Date().toISOString();
  const [loadBefore = 0] = os.loadavg();
  const loads = [loadBefore];
  const loadTimer = setInterval(() => loads.push(os.loadavg()[0] ?? 0), LOAD_SAMPLE_MS);
  const ours = new PhaseSampler(pids);
  const machineBefore = machineBusySeconds();
  const { rates, skippedRates, burst } = await runSagaBench(config, pids, logger).finally(() =>
    clearInterval(loadTimer),
  );
  const machineUsed = machineBusySeconds() - machineBefore;
  const usage = ours.stop();
  const oursUsed = usage.reduce((sum, process) => sum + (process.cpuSeconds ?? 0), 0);
  const wallSeconds = (Date.now() - Date.parse(startedAt)) / 1000;
  const { rateSeconds, burstOrders, burstConcurrency } = config;
  const run: InstancesRun = {
    instances: config.instances,
    startedAt,
    takenAt: new Date().toISOString(),
    machine: machine(loadBefore),
    loadDuring: {
      mean: Math.round((loads.reduce((sum, load) => sum + load, 0) / loads.length) * 10) / 10,
      max: Math.round(Math.max(...loads) * 10) / 10,
    },
    otherWorkCpuPercent: Math.max(0, Math.round(((machineUsed - oursUsed) / wallSeconds) * 100)),
    config: { rates: config.rates, rateSeconds, burstOrders, burstConcurrency },
    rates,
    skippedRates,
    burst,
  };
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  console.error(JSON.stringify(instancesRow(run)));
}

function report(files: string[]): void {
  const { outDir, doc } = loadConfig({
    outDir: setting('BENCH_OUT_DIR', 'where instances.json goes ("" = nowhere)', '', formats.string),
    doc: setting(
      'BENCH_DOC',
      'Markdown file whose bench-instances block gets the table ("" = none)',
      '',
      formats.string,
    ),
  });
  const runs = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as InstancesRun);
  const rows = runs.map(instancesRow);
  const markdown = renderInstancesMarkdown(runs);
  if (outDir) {
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'instances.json'), `${JSON.stringify({ rows, runs }, null, 2)}\n`);
  }
  if (doc) writeDocBlock(doc, 'bench-instances', markdown);
  console.log(markdown);
  console.log(JSON.stringify({ store: 'postgres', instances: rows }));
}

async function run(command: string | undefined, args: string[]): Promise<void> {
  if (command === 'measure' && args.length === 1) await measure(args[0] ?? '');
  else if (command === 'report' && args.length > 0) report(args);
  else throw new Error('usage: scale-out-cli.js measure FILE | report FILE…');
}

run(process.argv[2], process.argv.slice(3)).then(
  () => process.exit(0), // kafkajs and fetch keep sockets alive; the run is over
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
