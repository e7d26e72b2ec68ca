// The bound on concurrent provider calls: never more than the limit under way, every call made, and a
// failing call frees its slot.
import { InFlightLimit } from '../src/providers/in-flight-limit';

describe('InFlightLimit', () => {
  it('runs at most `limit` calls at once and every call in the end, failures included', async () => {
    const limit = new InFlightLimit(3);
    let running = 0;
    let peak = 0;
    const call = (i: number) =>
      limit.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (i % 4 === 0) throw new Error(`call ${i} failed`);
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => call(i)));
    expect(peak).toBe(3);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(15);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
  });
});
