// The consumer holds back only the partition of a failing record, against the real broker: the other
// partitions keep their latency during the stall, the failing record is retried before the records
// behind it, a record failing on its last attempt is dead-lettered, and a hold that a rebalance
// interrupts still ends.
import { CircuitOpenError, DeadLetterHeaders, ProviderUnavailableError } from '@saga/shared';
import { eventually, readRecords, testKafka, uniqueName } from '../../test/support/helpers';
import { PartitionProbe } from './support/partition-probe';

const HELD = 0;
const FLOWING = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const max = (values: number[]) => Math.max(...values);

async function sendPaced(probe: PartitionProbe, partition: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await probe.send(partition));
    await sleep(100);
  }
  return ids;
}

describe('EventConsumer partition holds', () => {
  const kafka = testKafka();

  it('keeps other partitions flowing while a failing record is retried, and keeps its order', async () => {
    const probe = new PartitionProbe(kafka, uniqueName('test-holds'));
    await probe.connect();
    let stuck = '';
    let failures = 0;
    const consumer = probe.consumer(
      (orderId) => {
        if (orderId === stuck && failures < 3) {
          failures++;
          throw new ProviderUnavailableError('test: provider unavailable');
        }
      },
      { backoff: { maxAttempts: 8, initialDelayMs: 1_500, maxDelayMs: 3_000 } },
    );
    await consumer.start();
    await probe.warmUp([HELD, FLOWING]);

    const before = await sendPaced(probe, FLOWING, 10);
    await eventually(() => (before.every((id) => probe.wasHandled(id)) ? true : undefined));

    stuck = uniqueName('stuck');
    const stallStarted = Date.now();
    await probe.send(HELD, stuck);
    const behind = await probe.send(HELD);
    await sleep(300);
    const during = await sendPaced(probe, FLOWING, 10);
    await eventually(() => (probe.wasHandled(behind) ? true : undefined));
    const stallMs = Date.now() - stallStarted;

    const [withoutStall, withStall] = [probe.latencies(before), probe.latencies(during)];
    console.log(
      `[partition holds] other partition's latency: max ${max(withoutStall)} ms without a stall, ` +
        `max ${max(withStall)} ms during a ${stallMs} ms stall (3 failed attempts) on partition ${HELD}`,
    );
    expect(failures).toBe(3);
    const order = probe.handled.filter((r) => r.partition === HELD).map((r) => r.orderId);
    expect(order.indexOf(stuck)).toBeLessThan(order.indexOf(behind));
    expect(order.indexOf(stuck)).toBeGreaterThanOrEqual(0);
    expect(stallMs).toBeGreaterThan(3_000);
    expect(max(withStall)).toBeLessThan(1_000);
  });

  it('dead-letters a record still failing at its last attempt and goes on with the partition', async () => {
    const probe = new PartitionProbe(kafka, uniqueName('test-holds-dlt'));
    await probe.connect();
    let poisoned = '';
    const consumer = probe.consumer(
      (orderId) => {
        if (orderId === poisoned) throw new ProviderUnavailableError('test: always failing');
      },
      { backoff: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 200 } },
    );
    await consumer.start();
    await probe.warmUp([HELD]);

    poisoned = uniqueName('poisoned');
    await probe.send(HELD, poisoned);
    const behind = await probe.send(HELD);
    await eventually(() => (probe.wasHandled(behind) ? true : undefined));

    const [deadLetter] = await readRecords(kafka, `${probe.groupId}.dlt`, 1);
    expect(deadLetter?.key?.toString()).toBe(poisoned);
    expect(deadLetter?.headers?.[DeadLetterHeaders.attempts]?.toString()).toBe('3');
    expect(deadLetter?.headers?.[DeadLetterHeaders.errorType]?.toString()).toBe('SAGA_PROVIDER_UNAVAILABLE');
    expect(probe.wasHandled(poisoned)).toBe(false);
  });

  it('resumes a partition whose breaker pause was interrupted by a rebalance', async () => {
    const probe = new PartitionProbe(kafka, uniqueName('test-holds-rebalance'));
    await probe.connect();
    let probed = '';
    let opened = false;
    const breakerOpenOnce = (orderId: string) => {
      if (orderId === probed && !opened) {
        opened = true;
        throw new CircuitOpenError('test-provider', 4_000);
      }
    };
    const first = probe.consumer(breakerOpenOnce);
    await first.start();
    await probe.warmUp([HELD, FLOWING]);

    probed = uniqueName('probed');
    await probe.send(HELD, probed);
    await eventually(() => (opened ? true : undefined));
    // A second member joins and leaves while the partition is held: two rebalances in the pause.
    const second = probe.consumer(breakerOpenOnce);
    await second.start();
    await eventually(() => (second.isJoined() ? true : undefined));
    await second.stop();

    const after = await probe.send(HELD);
    await eventually(() => (probe.wasHandled(after) ? true : undefined), 30_000);
    expect(probe.wasHandled(probed)).toBe(true);
  });
});
