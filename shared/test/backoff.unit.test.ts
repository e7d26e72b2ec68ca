import { backoffDelay } from '@saga/shared';

const policy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1_000 };

describe('retry backoff', () => {
  it('doubles the ceiling with every attempt', () => {
    const ceilings = [1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, () => 1));

    expect(ceilings).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(policy, 20, () => 1)).toBe(1_000);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
  });
});
