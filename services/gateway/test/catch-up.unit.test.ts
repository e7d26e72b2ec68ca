import { CatchUpWatch, isCaughtUp, type OffsetSource, type PartitionOffset } from '../src/projection/catch-up';
import { silentLogger } from './helpers';

const range = (topic: string, partition: number, low: number, high: number) => ({ topic, partition, low, high });
const committed = (topic: string, partition: number, offset: number): PartitionOffset => ({ topic, partition, offset });

describe('catching up', () => {
  const targets = [range('order.events', 0, 0, 10), range('order.events', 1, 5, 5), range('inventory.stock', 0, 3, 8)];

  it('is not caught up while any partition with records is behind its starting end offset', () => {
    expect(isCaughtUp(targets, [committed('order.events', 0, 10), committed('inventory.stock', 0, 7)])).toBe(false);
  });

  it('is not caught up before anything was committed', () => {
    expect(isCaughtUp(targets, [])).toBe(false);
    expect(isCaughtUp(targets, [committed('order.events', 0, -1)])).toBe(false);
  });

  it('is caught up once every partition reached its end offset; empty partitions need nothing', () => {
    expect(isCaughtUp(targets, [committed('order.events', 0, 10), committed('inventory.stock', 0, 9)])).toBe(true);
  });

  it('is caught up at once when every topic is empty', () => {
    expect(isCaughtUp([range('order.events', 0, 0, 0)], [])).toBe(true);
  });
});

describe('the catch-up watch', () => {
  it('takes its targets at start and turns caught up when the committed offsets reach them', async () => {
    let position = 0;
    const source: OffsetSource = {
      ranges: async () => [range('order.events', 0, 0, 3)],
      committed: async () => [committed('order.events', 0, position)],
      deleteGroup: async () => undefined,
      close: async () => undefined,
    };
    const watch = new CatchUpWatch(source, silentLogger, 5);
    await watch.start('group', ['order.events']);
    expect(watch.isCaughtUp()).toBe(false);
    position = 3;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watch.isCaughtUp()).toBe(true);
    await watch.stop();
  });

  it('is caught up at once when the read model has applied everything though the group never committed it', async () => {
    const source: OffsetSource = {
      ranges: async () => [range('order.events', 0, 0, 3), range('order.events', 1, 0, 2)],
      committed: async () => [committed('order.events', 0, 1)], // partition 1: no commit at all
      deleteGroup: async () => undefined,
      close: async () => undefined,
    };
    const applied = new Map([
      [0, 3],
      [1, 2],
    ]);
    const watch = new CatchUpWatch(source, silentLogger, 5, (_topic, partition) => applied.get(partition));
    await watch.start('group', ['order.events']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(watch.isCaughtUp()).toBe(true);
    await watch.stop();
  });
});
