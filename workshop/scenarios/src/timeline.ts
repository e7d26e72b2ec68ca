// An order's saga timeline (GET /orders/{id}/events) as a table a room can read: when each record was
// written relative to the first, which service wrote it, where it sits in Kafka, and which steps undo
// earlier ones (compensations).
import type { TimelineEntry } from '@saga/client';
import type { ScenarioContext } from './scenario';

const COMPENSATIONS = new Set(['OrderCancelled', 'StockReleased', 'PaymentRefunded', 'ShipmentCancelled']);

export function timelineTable(timeline: readonly TimelineEntry[]): string {
  if (timeline.length === 0) return '(no events yet)';
  const start = Date.parse(timeline[0]!.occurredAt);
  const rows = timeline.map((entry) => [
    `+${Date.parse(entry.occurredAt) - start} ms`,
    entry.producer,
    `${COMPENSATIONS.has(entry.type) ? '↩ ' : ''}${entry.type}`,
    `${entry.topic}[${entry.partition}]@${entry.offset}`,
  ]);
  const header = ['time', 'producer', 'event', 'topic[partition]@offset'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Waits until the order's timeline holds every one of `types` (it is read from several topics), and shows it. */
export async function showTimeline(
  { narrator, gateway }: ScenarioContext,
  orderId: string,
  types: readonly string[],
  timeoutMs = 30_000,
): Promise<TimelineEntry[]> {
  const timeline = await gateway.timelineWith(orderId, types, timeoutMs);
  narrator.show(timelineTable(timeline));
  return timeline;
}
