// The consumer's background offset commits: one request for every partition per interval, the next
// offset to read (Kafka's convention), nothing for partitions moved to another member, and a failed
// commit kept for the next one unless a later offset replaced it.
import { createLogger } from '../src/log';
import { OffsetCommits } from '../src/kafka/offset-commits';

type Commit = Array<{ topic: string; partition: number; offset: string }>;

function committer(fail = false) {
  const requests: Commit[] = [];
  let failing = fail;
  const consumer = {
    commitOffsets: async (entries: Commit) => {
      requests.push(entries);
      if (failing) throw new Error('coordinator unavailable');
    },
  };
  return { requests, consumer, heal: () => (failing = false) };
}

const log = createLogger('test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OffsetCommits', () => {
  it('commits every partition resolved within an interval in one request, with the next offset to read', async () => {
    const { requests, consumer } = committer();
    const commits = new OffsetCommits(consumer, log, 20);
    commits.resolved('a', 0, '4');
    commits.resolved('a', 0, '9');
    commits.resolved('a', 1, '2');
    commits.resolved('b', 0, '0');
    await sleep(60);
    expect(requests).toEqual([
      [
        { topic: 'a', partition: 0, offset: '10' },
        { topic: 'a', partition: 1, offset: '3' },
        { topic: 'b', partition: 0, offset: '1' },
      ],
    ]);
    commits.clear();
  });

  it('drops the offsets of partitions a rebalance moved to another member', async () => {
    const { requests, consumer } = committer();
    const commits = new OffsetCommits(consumer, log, 1_000);
    commits.resolved('a', 0, '4');
    commits.resolved('a', 1, '7');
    commits.retain({ a: [1] });
    await commits.flush();
    expect(requests).toEqual([[{ topic: 'a', partition: 1, offset: '8' }]]);
  });

  it('keeps a failed commit for the next one, unless a later offset of its partition replaced it', async () => {
    const { requests, consumer, heal } = committer(true);
    const commits = new OffsetCommits(consumer, log, 1_000);
    commits.resolved('a', 0, '4');
    commits.resolved('a', 1, '7');
    const failing = commits.flush();
    commits.resolved('a', 1, '9'); // resolved while the failing commit is under way
    await failing;
    heal();
    await commits.flush();
    expect(requests[1]).toEqual([
      { topic: 'a', partition: 1, offset: '10' },
      { topic: 'a', partition: 0, offset: '5' },
    ]);
  });
});
