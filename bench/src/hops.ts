// The saga's happy path as hops between record timestamps. A hop "A → B" is the time from A's send by
// its producer to B's send: delivery of A, the consuming service's handler and transaction, its outbox
// relay, up to the send of B. The first hop starts at the bench's POST send time.
import { median, round } from './stats';
import type { Timeline } from './saga-collector';

export const SAGA_STEPS = [
  'POST',
  'PlaceOrder',
  'OrderPlaced',
  'StockReserved',
  'PaymentCompleted',
  'ShipmentScheduled',
  'OrderConfirmed',
] as const;

export const hopName = (from: string, to: string): string => `${from}→${to}`;

/** Which service handles the first record of each hop (the POST is the gateway's, not a consumer's). */
export const HOP_CONSUMERS: Record<string, { service: string; type: string }> = {
  [hopName('PlaceOrder', 'OrderPlaced')]: { service: 'order', type: 'PlaceOrder' },
  [hopName('OrderPlaced', 'StockReserved')]: { service: 'inventory', type: 'OrderPlaced' },
  [hopName('StockReserved', 'PaymentCompleted')]: { service: 'payment', type: 'StockReserved' },
  [hopName('PaymentCompleted', 'ShipmentScheduled')]: { service: 'shipping', type: 'PaymentCompleted' },
  [hopName('ShipmentScheduled', 'OrderConfirmed')]: { service: 'order', type: 'ShipmentScheduled' },
};

/** Hop medians (ms) over the orders whose timeline holds both ends of the hop. */
export function hopMedians(steps: readonly string[], timelines: readonly Timeline[]): Record<string, number | null> {
  const hops: Record<string, number | null> = {};
  steps.slice(1).forEach((step, i) => {
    const previous = steps[i] as string;
    const spans: number[] = [];
    for (const timeline of timelines) {
      const from = timeline.get(previous);
      const to = timeline.get(step);
      if (from !== undefined && to !== undefined) spans.push(to - from);
    }
    hops[hopName(previous, step)] = round(median(spans));
  });
  return hops;
}

/** One order's timeline with the POST send time added as the step 'POST'. */
export function withPost(timeline: Timeline | undefined, postAtMs: number): Timeline {
  const copy = new Map(timeline ?? []);
  copy.set('POST', postAtMs);
  return copy;
}
