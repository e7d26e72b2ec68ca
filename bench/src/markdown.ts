// The report as small markdown tables: the saga per arrival rate, hop medians beside the relay's, the
// baseline and its ratios, CPU / RSS per process and CPU per order. Written to latest.md and into
// docs/benchmarks.md.
import type { CpuCost } from './cost';
import type { BenchReport } from './run';
import type { PhaseResult } from './saga-phase';
import type { ProcessUsage } from './sampler';

export const ms = (value: number | null | undefined): string =>
  value == null ? '–' : `${value.toLocaleString('en')} ms`;
export const num = (value: number | null | undefined): string => (value == null ? '–' : value.toLocaleString('en'));
const inHandler = (value: number | null | undefined): string => (value == null ? '' : ` (${num(value)} ms)`);
const label = (phase: PhaseResult): string => (phase.rate === null ? 'max (burst)' : `${phase.rate}/s`);
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
export const table = (head: string[], rows: string[][]): string[] => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];

export function renderMarkdown(report: BenchReport): string {
  const { machine, relay, summary } = report;
  const phases = [...report.rates, ...(report.burst ? [report.burst] : [])];
  const saga = table(
    [
      'arrival rate',
      'completed/s',
      'confirmed / sent',
      'p50',
      'p95',
      'p99',
      'max',
      'backlog',
      'sustained',
      'bench lag',
    ],
    phases.map((p) => [
      label(p),
      num(p.completedPerSec),
      `${p.confirmed} / ${p.sent}`,
      ms(p.latencyMs.p50),
      ms(p.latencyMs.p95),
      ms(p.latencyMs.p99),
      ms(p.latencyMs.max),
      p.rate === null ? '–' : !p.onSchedule ? 'sends held back' : p.backlogGrew ? 'grows' : 'steady',
      p.rate === null ? '–' : p.sustained ? 'yes' : 'no',
      `${p.maxSendLagMs} / ${p.benchLoopDelayP99Ms} ms`,
    ]),
  );
  const relayHops = Object.values(relay.hopMedianMs);
  const hops = table(
    ['hop: median (in handler, mean)', ...phases.map(label), `relay ${relay.rate}/s`],
    Object.keys(phases[0]?.hopMedianMs ?? {}).map((hop, i) => [
      hop,
      ...phases.map((p) => ms(p.hopMedianMs[hop]) + inHandler(p.hopHandlerMs?.[hop])),
      ms(relayHops[i]),
    ]),
  );
  const usage = (list: ProcessUsage[], name: string) => list.find((u) => u.name === name);
  const names = [...new Set([...phases, relay].flatMap((p) => p.processes.map((u) => u.name)))];
  const processes = table(
    ['process: CPU % / max RSS', ...phases.map(label), `relay ${relay.rate}/s`],
    names.map((name) => [
      name,
      ...[...phases, relay].map((p) => {
        const u = usage(p.processes, name);
        return u ? `${num(u.cpuPercent)} % / ${num(u.rssMaxMb)} MB` : '–';
      }),
    ]),
  );
  const costs: CpuCost[] = [...phases.map((p) => p.cpuMsPerOrder), relay.cpuMsPerChain];
  const counted = [...new Set(costs.flatMap((cost) => Object.keys(cost.byProcessMs)))];
  const cpu = table(
    ['process: CPU ms per confirmed order', ...phases.map(label), 'relay burst, per chain'],
    [
      ...counted.map((name) => [name, ...costs.map((cost) => ms(cost.byProcessMs[name]))]),
      ['**total**', ...costs.map((cost) => `**${ms(cost.totalMs)}**`)],
    ],
  );
  const phase = summary.cpuMsPerOrderPhase;
  const at = phase === 'burst' ? 'the burst' : phase === null ? 'no phase' : `${num(phase)}/s`;
  return [
    `Taken ${report.takenAt} on ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ` +
      `${machine.node}; 1-min load average ${machine.loadBefore} before, ${machine.loadAfter} after. ` +
      `${report.config.rateSeconds} s per rate; burst of ${report.config.burstOrders} orders ` +
      `(${report.config.burstConcurrency} concurrent POSTs). Latency is POST → OrderConfirmed record; ` +
      `bench lag is the bench's own: latest send against its schedule / p99 delay of its event loop.`,
    '',
    ...saga,
    ...(report.skippedRates.length > 0
      ? ['', `Not run, as a lower rate already saturated the system: ${report.skippedRates.join(', ')} orders/s.`]
      : []),
    '',
    `Bare kafkajs relay, same shape (5 stages, fan-out 3, 6 partitions, JSON): **${num(relay.msgsPerSec)} msgs/s**; ` +
      `at ${relay.rate}/s send → last record p50 ${ms(relay.endToEndMs.p50)}, p99 ${ms(relay.endToEndMs.p99)}; ` +
      `first → last record p50 ${ms(relay.relayMs.p50)}. Saga / relay: throughput ` +
      `${num(summary.throughputRatioToRelay)}, PlaceOrder → OrderConfirmed p50 ${num(summary.latencyRatioToRelay)}×, ` +
      `CPU per order (${ms(summary.cpuMsPerOrder)}, at ${at}) / relay CPU per chain ` +
      `(${ms(summary.relayCpuMsPerChain)}, over ${num(relay.chains)} chains) ${num(summary.cpuRatioToRelay)}×.`,
    '',
    ...hops,
    '',
    ...processes,
    '',
    ...cpu,
    '',
  ].join('\n');
}
