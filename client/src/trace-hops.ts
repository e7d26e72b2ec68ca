// One trace read as a story: its spans in the order they started, each with the service that ran it,
// what it did (`send <topic>`, `process <topic>`, an HTTP call), the saga event it carried, and the
// service of the span that caused it. Pure, so the hop order and the narration are unit-tested.
import { serviceOf, type ZipkinSpan } from './zipkin-client';

export interface Hop {
  service: string;
  name: string;
  kind?: ZipkinSpan['kind'];
  /** The `saga.event_type` tag of a Kafka span (OrderPlaced, PaymentDeclined…). */
  eventType?: string;
  /** The service of the parent span: undefined for the root, '?' for a parent not (yet) reported. */
  parentService?: string;
  /** µs since the first span started. */
  offsetUs: number;
}

/** How many ancestors a span has among `byId`: a parent and its child that start in the same µs sort parent first. */
function depth(span: ZipkinSpan, byId: Map<string, ZipkinSpan>): number {
  let count = 0;
  const seen = new Set<string>();
  for (let parent = span.parentId; parent !== undefined && !seen.has(parent); parent = byId.get(parent)?.parentId) {
    seen.add(parent);
    if (!byId.has(parent)) break;
    count += 1;
  }
  return count;
}

/** The trace's spans as hops, by start time (then parents before children, then id, so the order is stable). */
export function hopsOf(spans: readonly ZipkinSpan[]): Hop[] {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const start = Math.min(...spans.map((span) => span.timestamp ?? Infinity));
  const sorted = [...spans].sort(
    (a, b) =>
      (a.timestamp ?? Infinity) - (b.timestamp ?? Infinity) ||
      depth(a, byId) - depth(b, byId) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return sorted.map((span) => {
    const parent = span.parentId === undefined ? undefined : byId.get(span.parentId);
    return {
      service: serviceOf(span),
      name: span.name ?? '(unnamed)',
      kind: span.kind,
      eventType: span.tags?.['saga.event_type'],
      parentService: span.parentId === undefined ? undefined : parent ? serviceOf(parent) : '?',
      offsetUs: span.timestamp === undefined ? NaN : span.timestamp - start,
    };
  });
}

/** One line per hop: `+12.3 ms  payment  process order.events  OrderPlaced  ← order`. */
export function hopLines(hops: readonly Hop[]): string[] {
  const cells = hops.map((hop) => [
    Number.isNaN(hop.offsetUs) ? '?' : `+${(hop.offsetUs / 1000).toFixed(1)} ms`,
    hop.service,
    hop.name,
    hop.eventType ?? '',
    hop.parentService === undefined ? '(root)' : `← ${hop.parentService}`,
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  '));
}

/** What a trace holds: its span count, its services (in the order they first appear) and its trace ids. */
export function traceSummary(spans: readonly ZipkinSpan[]): { spans: number; services: string[]; traceIds: string[] } {
  const hops = hopsOf(spans);
  return {
    spans: spans.length,
    services: [...new Set(hops.map((hop) => hop.service))],
    traceIds: [...new Set(spans.map((span) => span.traceId))],
  };
}
