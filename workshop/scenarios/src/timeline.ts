// An order's saga timeline (GET /orders/{id}/events) as a table a room can read: when each record was
// written relative to the first, which service wrote it, where it sits in Kafka, and which steps undo
// earlier ones (compensations).
import type { TimelineEntry } from './saga-client';

const COMPENSATIONS = new Set(['OrderCancelled', 'StockReleased', 'PaymentRefunded', 'ShipmentCancelled']);

export function timelineTable(timeline: TimelineEntry[]): string {
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
