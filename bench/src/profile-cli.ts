// `BENCH_PROFILE=1 make bench` runs every Node process of the system under --cpu-prof; this turns the
// profiles they write on exit into docs/benchmarks/profile.md: per process, its busy CPU and where it
// went, by function and by package. A hop's profile is its consuming service's (HOP_CONSUMERS).
// Usage: node bench/dist/profile-cli.js <profile dir> <out.md> [skip seconds]
import fs from 'node:fs';
import path from 'node:path';
import { processOf, summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile';
import { HOP_CONSUMERS } from './hops';

const [dir, out, skip = '20'] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: profile-cli <profile dir> <out.md> [skip seconds]');
  process.exit(2);
}

const summaries: { name: string; summary: ProfileSummary }[] = [];
for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const name = processOf(profile);
  if (name) summaries.push({ name, summary: summarizeProfile(profile, Number(skip) * 1000) });
}
summaries.sort((a, b) => b.summary.busyMs - a.summary.busyMs);

const hops = Object.entries(HOP_CONSUMERS).map(([hop, { service, type }]) => `- ${hop}: ${service}, handling ${type}`);
const sections = summaries.flatMap(({ name, summary }) => [
  `## ${name}: ${(summary.busyMs / 1000).toFixed(1)} s busy`,
  '',
  `By package: ${summary.packages.map((p) => `${p.name} ${p.ms} ms`).join(', ')}.`,
  '',
  '| self time | function |',
  '| --- | --- |',
  ...summary.functions.map((f) => `| ${f.ms} ms | \`${f.name}\` |`),
  '',
]);
fs.writeFileSync(
  out,
  [
    '# Where the CPU goes',
    '',
    `CPU profiles (node --cpu-prof) of every Node process during \`BENCH_PROFILE=1 make bench\`, the first ` +
      `${skip} s (start-up) left out; self time, so a function's callees are counted where they run. Busy is ` +
      'sampled wall time while not idle: on a saturated machine it includes time spent waiting for a core, ' +
      "so compare processes by the bench's CPU %, and functions within a process by their share. " +
      'Each hop of the saga is handled by one service:',
    '',
    ...hops,
    '',
    ...sections,
  ].join('\n'),
);
console.log(`wrote ${out} from ${summaries.length} profiles`);
