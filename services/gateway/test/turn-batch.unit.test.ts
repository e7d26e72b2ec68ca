// TurnBatch: what one turn of the event loop adds is written in one piece, and each caller learns the
// outcome of the write that carried its item, not earlier.
import { TurnBatch } from '../src/turn-batch';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A flush that records its batches and settles only when the test says so. */
function controlledFlush() {
  const batches: number[][] = [];
  const settle: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const flush = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      settle.push({ resolve, reject });
    });
  return { batches, settle, flush };
}

describe('TurnBatch', () => {
  it('When items are added in one turn, Then they are written in one batch, in the order added', async () => {
    const { batches, settle, flush } = controlledFlush();
    const batch = new TurnBatch(flush);

    const added = [1, 2, 3].map((item) => batch.add(item));
    await nextTurn();
    settle[0]?.resolve();
    await Promise.all(added);

    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('When items are added in different turns and nothing is being written, Then each turn is its own batch', async () => {
    const { batches, settle, flush } = controlledFlush();
    const batch = new TurnBatch(flush);

    const first = batch.add(1);
    await nextTurn();
    settle[0]?.resolve();
    await first;
    const second = batch.add(2);
    await nextTurn();
    settle[1]?.resolve();
    await second;

    expect(batches).toEqual([[1], [2]]);
  });

  it('When items arrive while a batch is being written, Then they wait and go together in the next one', async () => {
    const { batches, settle, flush } = controlledFlush();
    const batch = new TurnBatch(flush);

    const first = batch.add(1);
    await nextTurn();
    const later = [batch.add(2)];
    await nextTurn();
    later.push(batch.add(3));
    await nextTurn();
    expect(batches).toEqual([[1]]);
    settle[0]?.resolve();
    await first;
    await nextTurn();
    settle[1]?.resolve();
    await Promise.all(later);

    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('When the write is still under way, Then no caller is told it is done', async () => {
    const { settle, flush } = controlledFlush();
    const batch = new TurnBatch(flush);
    let done = false;

    const added = batch.add(1).then(() => (done = true));
    await nextTurn();
    await nextTurn();
    expect(done).toBe(false);
    settle[0]?.resolve();
    await added;

    expect(done).toBe(true);
  });

  it('When the write fails, Then every caller in that batch gets its error, and the next batch is unaffected', async () => {
    const { settle, flush } = controlledFlush();
    const batch = new TurnBatch(flush);
    const outage = new Error('broker down');

    const failed = [batch.add(1), batch.add(2)].map((added) =>
      added.then(
        () => 'written',
        (error: unknown) => error,
      ),
    );
    await nextTurn();
    settle[0]?.reject(outage);
    expect(await Promise.all(failed)).toEqual([outage, outage]);

    const later = batch.add(3);
    await nextTurn();
    settle[1]?.resolve();
    await expect(later).resolves.toBeUndefined();
  });
});
