// Pure figures from timestamps: percentiles, completion rate and whether a backlog grew. Kept apart
// from the I/O so the definitions the report relies on are unit-tested.

export interface Percentiles {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentile of an ascending list; null for an empty one. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? null,
  };
}

export function median(values: readonly number[]): number | null {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Completions per second from the spacing of the completions themselves, between the 10th and the 90th
 * percentile of their times: when the system keeps up this is the arrival rate (no start-up or drain
 * bias from the latency, little from its outliers); when it falls behind, completions come as fast as
 * it can go, so this is its capacity.
 */
export function completionRate(doneAtMs: readonly number[]): number | null {
  if (doneAtMs.length < 2) return null;
  const sorted = [...doneAtMs].sort((a, b) => a - b);
  const low = Math.floor((sorted.length - 1) * 0.1);
  const high = Math.ceil((sorted.length - 1) * 0.9);
  const span = (sorted[high] ?? 0) - (sorted[low] ?? 0);
  return span > 0 ? ((high - low) * 1000) / span : null;
}

/** Orders sent and not yet completed at `atMs`. */
export function inFlightAt(atMs: number, sentAtMs: readonly number[], doneAtMs: readonly number[]): number {
  return sentAtMs.filter((t) => t <= atMs).length - doneAtMs.filter((t) => t <= atMs).length;
}

export interface Sent {
  sentAtMs: number;
  /** When its saga ended; undefined while it has not. */
  doneAtMs: number | undefined;
}

/**
 * Whether completions lagged arrivals more at the end of the window than at its start. A steady system
 * holds about rate x latency orders in flight, at the middle of the window as at its end, and the orders
 * sent last wait about as long as those sent first. The backlog grew when the end holds over 1.5 x the
 * middle's in-flight orders plus half a second of arrivals, or the last fifth of the orders waited (at the
 * median) over 1.5 x as long as the first fifth plus 500 ms: slack for jitter on a shared machine.
 */
export function backlogGrew(window: { startMs: number; endMs: number; ratePerSec: number }, orders: Sent[]): boolean {
  const sent = orders.map((o) => o.sentAtMs);
  const done = orders.flatMap((o) => o.doneAtMs ?? []);
  const middle = inFlightAt((window.startMs + window.endMs) / 2, sent, done);
  const end = inFlightAt(window.endMs, sent, done);
  const bySend = [...orders].sort((a, b) => a.sentAtMs - b.sentAtMs);
  const fifth = Math.max(1, Math.floor(bySend.length / 5));
  const wait = (list: Sent[]) => median(list.map((o) => (o.doneAtMs ?? Infinity) - o.sentAtMs)) ?? 0;
  const [first, last] = [wait(bySend.slice(0, fifth)), wait(bySend.slice(-fifth))];
  return end > 1.5 * middle + 0.5 * window.ratePerSec || last > 1.5 * first + 500;
}

export function round(value: number | null, digits = 0): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
