// The definitions the bench's verdict rests on: percentiles, completion rate, a growing backlog.
import { backlogGrew, completionRate, percentiles } from '../src/stats';

describe('bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentiles(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
  });

  it('reads the completion rate from the spacing of completions, not from the window', () => {
    // 11 completions 100 ms apart, however late the first came: 10/s.
    expect(completionRate(Array.from({ length: 11 }, (_, i) => 5_000 + i * 100))).toBeCloseTo(10);
    expect(completionRate([1])).toBeNull();
  });

  const window = { startMs: 0, endMs: 10_000, ratePerSec: 100 };
  const sent = Array.from({ length: 1000 }, (_, i) => i * 10);

  it('says a steady system keeps its backlog, whatever its latency', () => {
    const orders = sent.map((t) => ({ sentAtMs: t, doneAtMs: t + 800 })); // always 800 ms behind
    expect(backlogGrew(window, orders)).toBe(false);
  });

  it('says the backlog grew when completions fall behind arrivals', () => {
    // Each order waits 5 ms longer than the one before: 200 ms at first, 5.2 s at the end.
    const orders = sent.map((t, i) => ({ sentAtMs: t, doneAtMs: t + 200 + i * 5 }));
    expect(backlogGrew(window, orders)).toBe(true);
  });

  it('says the backlog grew when the last orders waited far longer, even with few in flight', () => {
    // 1 s for the first half, 3 s for the second: more in flight at the end too, but judged by the wait.
    const orders = sent.map((t, i) => ({ sentAtMs: t, doneAtMs: t + (i < 500 ? 1000 : 3000) }));
    expect(backlogGrew(window, orders)).toBe(true);
  });

  it('does not count one slow order as a growing backlog', () => {
    const orders = sent.map((t, i) => ({ sentAtMs: t, doneAtMs: t + (i === 999 ? 9000 : 300) }));
    expect(backlogGrew(window, orders)).toBe(false);
  });
});
