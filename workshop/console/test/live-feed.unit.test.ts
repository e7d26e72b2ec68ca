// The console's costly work follows the open pages: no tap and no sampling without one, one tap for all of
// them, kept through a reload, stopped (its group deleted) once the last page has been gone a while.
import type { Logger } from '@saga/shared';
import type { Feed } from '../src/feed';
import { ConsoleHub } from '../src/hub';
import { LiveFeed } from '../src/live-feed';
import type { FeedMessage, StatsMessage, StatusMessage } from '../src/messages';

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Logger;
const GRACE_MS = 80;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class FakeFeed implements Feed {
  static opened: FakeFeed[] = [];
  readonly groupId = `workshop-console-tap-${FakeFeed.opened.length + 1}`;
  stopped = false;
  publish: ((messages: FeedMessage[]) => void) | undefined;
  constructor(private readonly failure?: Error) {
    FakeFeed.opened.push(this);
  }
  async start(publish: (messages: FeedMessage[]) => void) {
    await sleep(5); // joining takes a moment
    if (this.failure) throw this.failure;
    this.publish = publish;
  }
  async stop() {
    this.stopped = true;
  }
}

const stats = (): StatsMessage => ({
  kind: 'stats',
  at: 0,
  topicRates: {},
  groupLag: {},
  breakers: [],
  pauses: [],
  faults: {},
  unavailable: [],
});

/** A page's stream: the status messages it was sent. */
function page(live: LiveFeed) {
  const statuses: StatusMessage['tap'][] = [];
  const leave = live.join({
    write: (chunk) => {
      if (chunk.startsWith('event: status'))
        statuses.push((JSON.parse(chunk.split('data: ')[1]!) as StatusMessage).tap);
    },
    end: () => {},
  });
  return { statuses, leave };
}

describe('the live feed', () => {
  let samples = 0;
  let failures: Error[] = [];
  let live: LiveFeed;
  beforeEach(() => {
    FakeFeed.opened = [];
    samples = 0;
    failures = [];
    live = new LiveFeed(
      new ConsoleHub(),
      () => new FakeFeed(failures.shift()),
      { sample: async () => (samples++, stats()) },
      silent,
      { graceMs: GRACE_MS, statsEveryMs: 10, retryMs: 20 },
    );
  });
  afterEach(() => live.close());

  it('starts no tap and samples nothing while no page is open', async () => {
    await sleep(50);

    expect(FakeFeed.opened).toEqual([]);
    expect(samples).toBe(0);
  });

  it('starts one tap for every open page, and says live only once it has joined', async () => {
    const first = page(live);
    const second = page(live);
    expect(first.statuses).toEqual(['joining']);

    await sleep(30);

    expect(FakeFeed.opened).toHaveLength(1);
    expect(first.statuses).toEqual(['joining', 'live']);
    expect(second.statuses).toEqual(['joining', 'live']);
    expect(live.groupId).toBe('workshop-console-tap-1');
    expect(samples).toBeGreaterThan(0);
  });

  it('keeps the tap through a reload, and stops it, deleting its group, once the last page has been gone a while', async () => {
    const before = page(live);
    await sleep(30);
    before.leave();
    const reloaded = page(live);
    await sleep(GRACE_MS + 30);

    expect(FakeFeed.opened).toHaveLength(1);
    expect(reloaded.statuses).toEqual(['live']);

    reloaded.leave();
    const samplesWhenLeft = samples;
    await sleep(GRACE_MS / 2);
    expect(FakeFeed.opened[0]!.stopped).toBe(false);
    await sleep(GRACE_MS);

    expect(FakeFeed.opened[0]!.stopped).toBe(true);
    expect(live.groupId).toBeUndefined();
    expect(samples).toBe(samplesWhenLeft);
  });

  it('starts a new tap, in a new group, for a page that opens after the last one was stopped', async () => {
    page(live).leave();
    await sleep(GRACE_MS + 30);
    const later = page(live);
    await sleep(30);

    expect(FakeFeed.opened.map((feed) => feed.stopped)).toEqual([true, false]);
    expect(later.statuses).toEqual(['joining', 'live']);
    expect(live.groupId).toBe('workshop-console-tap-2');
  });

  it('says failed when the tap cannot join, and tries again while a page is open', async () => {
    failures = [new Error('broker unreachable')];
    const watching = page(live);
    await sleep(80);

    expect(watching.statuses).toEqual(['joining', 'failed', 'joining', 'live']);
    expect(FakeFeed.opened.map((feed) => feed.stopped)).toEqual([true, false]);
  });
});
