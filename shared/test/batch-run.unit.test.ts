// The scheduling of one batch's handlers and their grouped commits, with an in-memory store standing in
// for SQLite's commitGroup: how many transactions a batch costs, and which per-record guarantee each
// rule keeps (one order's records in turn, commits in offset order, a retriable failure stopping the
// batch at its record, a permanent one staying its own).
import { isRetriable, ProviderUnavailableError } from '../src/errors';
import { AbandonedError, BatchRun, type BatchCommitter, type TaskOutcome } from '../src/service/batch-run';
import type { GroupOutcome } from '../src/store/sql-database';

/** An in-memory store: each flush is one "transaction" applying its units in the order given. */
function store() {
  const groups: number[][] = [];
  const applied: number[] = [];
  const commitUnits = async (works: ReadonlyArray<() => unknown>, stopsGroup: (error: unknown) => boolean) => {
    const outcomes: GroupOutcome<unknown>[] = [];
    const group: number[] = [];
    for (const work of works) {
      if (outcomes.some((o) => o.kind === 'failed' && stopsGroup(o.error))) {
        outcomes.push({ kind: 'skipped' });
        continue;
      }
      try {
        const value = await work();
        group.push(value as number);
        outcomes.push({ kind: 'committed', value });
      } catch (error) {
        outcomes.push({ kind: 'failed', error });
      }
    }
    groups.push(group);
    applied.push(...group);
    return outcomes;
  };
  return { groups, applied, commitUnits };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A handler: optional async work before its commit (a provider call), then a commit returning its index. */
function handler(
  options: { before?: (i: number) => Promise<void>; failIn?: (i: number) => Error | undefined } = {},
): (i: number, committer: BatchCommitter) => Promise<TaskOutcome> {
  return async (i, committer) => {
    try {
      await options.before?.(i);
      await committer.commit(() => {
        const failure = options.failIn?.(i);
        if (failure) throw failure;
        return i;
      });
      return 'done';
    } catch (error) {
      if (error instanceof AbandonedError) return 'abandoned';
      return isRetriable(error) ? 'held' : 'done'; // 'done': dead-lettered, as the consumer would
    }
  };
}

describe('BatchRun', () => {
  it('commits a batch of handlers that only decide and write in one transaction', async () => {
    const { groups, commitUnits } = store();
    const keys = Array.from({ length: 100 }, (_, i) => `order-${i}`);
    expect(await new BatchRun(keys, commitUnits).run(handler())).toBe(100);
    expect(groups).toEqual([keys.map((_, i) => i)]);
  });

  it('commits the intents of a batch together, then the results together, however the calls interleave', async () => {
    const { groups, commitUnits } = store();
    const keys = Array.from({ length: 10 }, (_, i) => `order-${i}`);
    const twoSteps = async (i: number, committer: BatchCommitter): Promise<TaskOutcome> => {
      await committer.commit(() => i); // the intent
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5)); // calls answering out of order
      await committer.commit(() => 100 + i); // the result
      return 'done';
    };
    expect(await new BatchRun(keys, commitUnits).run(twoSteps)).toBe(10);
    expect(groups).toEqual([keys.map((_, i) => i), keys.map((_, i) => 100 + i)]);
  });

  it("starts an order's next record only after its previous one finished, and commits in offset order", async () => {
    const { applied, commitUnits } = store();
    const started: number[] = [];
    // Records 0 and 2 are one order's; 1 and 3 are others'.
    const keys = ['a', 'b', 'a', 'c'];
    const run = new BatchRun(keys, commitUnits).run(
      handler({
        before: async (i) => {
          started.push(i);
          await tick();
        },
      }),
    );
    expect(await run).toBe(4);
    expect(started.indexOf(2)).toBeGreaterThan(started.indexOf(0));
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it('on a retriable failure commits the records before it, none after it, and reports where it stopped', async () => {
    const { applied, commitUnits } = store();
    const keys = Array.from({ length: 10 }, (_, i) => `order-${i}`);
    const failIn = (i: number) => (i === 4 ? new ProviderUnavailableError('down') : undefined);
    expect(await new BatchRun(keys, commitUnits).run(handler({ failIn }))).toBe(4);
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it('on a retriable failure outside a commit drops the later records’ commits, even those already parked', async () => {
    const { applied, commitUnits } = store();
    const keys = Array.from({ length: 6 }, (_, i) => `order-${i}`);
    const before = async (i: number) => {
      await tick();
      if (i === 2) throw new ProviderUnavailableError('the call failed');
    };
    expect(await new BatchRun(keys, commitUnits).run(handler({ before }))).toBe(2);
    expect(applied).toEqual([0, 1]);
  });

  it('keeps a permanent failure to its own record: the batch goes on', async () => {
    const { applied, commitUnits } = store();
    const keys = Array.from({ length: 5 }, (_, i) => `order-${i}`);
    const failIn = (i: number) => (i === 2 ? new Error('a bug in one handler') : undefined);
    expect(await new BatchRun(keys, commitUnits).run(handler({ failIn }))).toBe(5);
    expect(applied).toEqual([0, 1, 3, 4]);
  });
});
