// The scale-out tables: one row per instance count (throughput, latency, CPU per order and PostgreSQL's and
// the services' shares of it), then CPU per order by process, each saga service's instances summed and
// listed. Printed, and written into docs/benchmarks.md between its bench-instances markers.
import { sagaServiceOf } from './config';
import { ms, num, table } from './markdown';
import { instancesRow, saturatedPhaseOf, sumOf, type InstancesRow, type InstancesRun } from './scale-out';

const count = (instances: number): string => `${instances} instance${instances === 1 ? '' : 's'}`;

/** A process's CPU ms per order at saturation; a saga service's instances summed, each listed after. */
function processCell(run: InstancesRun, name: string): string {
  const byProcess = Object.entries(saturatedPhaseOf(run)?.cpuMsPerOrder.byProcessMs ?? {});
  const values = byProcess.filter(([process]) => (sagaServiceOf(process) ?? process) === name).map(([, ms]) => ms);
  if (values.length <= 1) return ms(values[0]);
  return `${ms(sumOf(values))} (${values.map((value) => num(value)).join(' + ')})`;
}

/** Max orders/s, the phase it was reached in, and the share confirmed when some orders were not. */
function maxCell(row: InstancesRow): string {
  const phase = row.maxPhase === 'burst' ? 'burst' : row.maxPhase === null ? null : `at ${row.maxPhase}/s`;
  const confirmed = row.confirmedPercentAtMax !== null && row.confirmedPercentAtMax < 100;
  const notes = [phase, confirmed ? `${row.confirmedPercentAtMax} % confirmed` : null].filter(Boolean);
  return `${num(row.maxOrdersPerSec)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** The phases that did not confirm every order they sent: their throughput counts cancellations too. */
function shortfalls(run: InstancesRun): string[] {
  return [...run.rates, ...(run.burst ? [run.burst] : [])]
    .filter((phase) => phase.confirmed < phase.sent)
    .map(
      (phase) =>
        `${phase.rate === null ? 'the burst' : `${phase.rate}/s`} ${num(phase.confirmed)} of ${num(phase.sent)} ` +
        `(${num(phase.cancelled)} cancelled, ${num(phase.unfinished)} unfinished, ${num(phase.postErrors)} POSTs failed)`,
    );
}

export function renderInstancesMarkdown(runs: readonly InstancesRun[]): string {
  const [first] = runs;
  const last = runs.at(-1);
  if (!first || !last) return 'No instance count was run.\n';
  const { machine, config } = first;
  const rows = runs.map(instancesRow);
  const main = table(
    [
      'instances',
      'max orders/s',
      'sustained',
      'p99 at sustained',
      'CPU ms/order',
      'of which PostgreSQL',
      'of which the saga services',
    ],
    rows.map((row) => [
      String(row.instances),
      maxCell(row),
      row.sustainedOrdersPerSec > 0 ? `${row.sustainedOrdersPerSec}/s` : 'none',
      ms(row.p99MsAtSustained),
      ms(row.cpuMsPerOrder),
      ms(row.postgresCpuMsPerOrder),
      ms(row.servicesCpuMsPerOrder),
    ]),
  );
  const names = [
    ...new Set(
      runs.flatMap((run) =>
        Object.keys(saturatedPhaseOf(run)?.cpuMsPerOrder.byProcessMs ?? {}).map((name) => sagaServiceOf(name) ?? name),
      ),
    ),
  ];
  const byProcess = table(
    ['process: CPU ms per order at max', ...runs.map((run) => count(run.instances))],
    names.map((name) => [name, ...runs.map((run) => processCell(run, name))]),
  );
  const unconfirmed = runs.flatMap((run) => {
    const phases = shortfalls(run);
    return phases.length === 0 ? [] : [`${count(run.instances)}: ${phases.join(', ')}`];
  });
  const loads = runs.map(
    (run) =>
      `${count(run.instances)} ${run.otherWorkCpuPercent} % (load average ${run.loadDuring.mean} mean, ` +
      `${run.loadDuring.max} max)`,
  );
  return [
    `Taken ${first.startedAt} to ${last.takenAt} on ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ` +
      `${machine.node}; STORE=postgres, each instance count on a fresh system. Rates ${config.rates.join(', ')} ` +
      `orders/s, ${config.rateSeconds} s each, then a burst of ${config.burstOrders} orders ` +
      `(${config.burstConcurrency} concurrent POSTs). CPU other work took from the ${machine.cores * 100} % of ` +
      `the machine during each count: ${loads.join('; ')}.`,
    '',
    ...main,
    ...(unconfirmed.length > 0 ? ['', `Orders not all confirmed, in ${unconfirmed.join('; ')}.`] : []),
    '',
    ...byProcess,
    '',
  ].join('\n');
}
