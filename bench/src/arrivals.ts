// How work is offered: open-loop at a fixed rate (a send is due at start + i / rate whether or not
// earlier ones finished; only a cap on unanswered sends bounds memory), or as a burst through a fixed
// number of concurrent senders. `send` is given the index and records its own send time.

export interface ArrivalStats {
  sent: number;
  failed: number;
  /** How late the worst send went out against its schedule (the client's own lag, or the cap). */
  maxLagMs: number;
  startMs: number;
  endMs: number;
}

const TICK_MS = 5;

export async function openLoop(
  ratePerSec: number,
  durationMs: number,
  maxInFlight: number,
  send: (index: number) => Promise<void>,
): Promise<ArrivalStats> {
  const total = Math.max(1, Math.round((ratePerSec * durationMs) / 1000));
  const startMs = Date.now();
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let failed = 0;
  let maxLagMs = 0;
  while (next < total) {
    const now = Date.now();
    // Everything due by now goes out in this tick, so a slow tick catches up instead of slowing the rate.
    while (next < total && startMs + (next * 1000) / ratePerSec <= now && inFlight.size < maxInFlight) {
      maxLagMs = Math.max(maxLagMs, now - (startMs + (next * 1000) / ratePerSec));
      const pending: Promise<void> = send(next++).then(
        () => void inFlight.delete(pending),
        () => void (inFlight.delete(pending), failed++),
      );
      inFlight.add(pending);
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const endMs = Date.now();
  await Promise.all(inFlight);
  return { sent: total, failed, maxLagMs, startMs, endMs };
}

export async function burst(
  total: number,
  concurrency: number,
  send: (index: number) => Promise<void>,
): Promise<ArrivalStats> {
  const startMs = Date.now();
  let next = 0;
  let failed = 0;
  const sender = async () => {
    while (next < total) await send(next++).catch(() => failed++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, sender));
  return { sent: total, failed, maxLagMs: 0, startMs, endMs: Date.now() };
}
