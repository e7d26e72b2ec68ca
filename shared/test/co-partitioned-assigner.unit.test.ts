// The group's assignment: one instance gets partition p of every topic, so one order's records on all
// of a service's topics meet one instance (and its keyed lock).
import { coPartitioned } from '../src/kafka/co-partitioned-assigner';

const sixPartitions = () => [0, 1, 2, 3, 4, 5];

describe('the co-partitioned assignment', () => {
  it('gives each instance the same partition numbers of every topic', () => {
    const assignment = coPartitioned(['m-b', 'm-c', 'm-a', 'm-d'], sixPartitions, ['order.events', 'payment.events']);
    expect(Object.fromEntries(assignment)).toEqual({
      'm-a': { 'order.events': [0, 4], 'payment.events': [0, 4] },
      'm-b': { 'order.events': [1, 5], 'payment.events': [1, 5] },
      'm-c': { 'order.events': [2], 'payment.events': [2] },
      'm-d': { 'order.events': [3], 'payment.events': [3] },
    });
  });

  it('leaves an instance beyond the partition count without partitions, and loses none', () => {
    const members = Array.from({ length: 8 }, (_, i) => `m-${i}`);
    const assignment = coPartitioned(members, sixPartitions, ['order.events']);
    const owned = [...assignment.values()].flatMap((topics) => topics['order.events'] ?? []);
    expect(owned.sort()).toEqual(sixPartitions());
    expect([...assignment.values()].filter((topics) => !topics['order.events'])).toHaveLength(2);
  });
});
