// Where a hop's time goes: the consuming service's own handler time (saga_handler_duration_seconds,
// read from its /metrics before and after a phase) against the hop's whole span. What the handler
// does not account for is delivery: waiting in Kafka and in the consumer's fetch, and the outbox relay.
import { requestText } from '@saga/client';
import { MetricNames } from '@saga/shared';
import { HOP_CONSUMERS } from './hops';
import { round } from './stats';

/** Per service and event type: total seconds and count of handled events, as /metrics reports them. */
export type HandlerTotals = Map<string, { sum: number; count: number }>;

const SAMPLE = new RegExp(`^${MetricNames.handlerSeconds}_(sum|count)\\{([^}]*)\\} ([0-9.eE+-]+)$`);

/**
 * Adds the handler histogram's sums and counts in one instance's Prometheus text to a service's totals
 * in `into`: the instances of a service share its consumer group, so together they handle its events.
 */
export function parseHandlerTotals(service: string, text: string, into: HandlerTotals = new Map()): HandlerTotals {
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const [, part, labels = '', value] = match;
    const type = /type="([^"]+)"/.exec(labels)?.[1];
    if (!type) continue;
    const key = `${service}/${type}`;
    const totals = into.get(key) ?? { sum: 0, count: 0 };
    if (part === 'sum') totals.sum += Number(value);
    else totals.count += Number(value);
    into.set(key, totals);
  }
  return into;
}

/** Each service's totals over all its instances, by the ops ports they listen on. */
export async function readHandlerTotals(opsPorts: Record<string, number[]>): Promise<HandlerTotals> {
  const readings = await Promise.all(
    Object.entries(opsPorts).flatMap(([service, ports]) =>
      ports.map(async (port) => ({
        service,
        text: await requestText({ method: 'GET', url: `http://127.0.0.1:${port}/metrics` }),
      })),
    ),
  );
  const totals: HandlerTotals = new Map();
  for (const { service, text } of readings) parseHandlerTotals(service, text, totals);
  return totals;
}

/** Mean handler time (ms) of each hop's consumer over the events handled between the two readings. */
export function hopHandlerMeans(before: HandlerTotals, after: HandlerTotals): Record<string, number | null> {
  const means: Record<string, number | null> = {};
  for (const [hop, { service, type }] of Object.entries(HOP_CONSUMERS)) {
    const key = `${service}/${type}`;
    const start = before.get(key) ?? { sum: 0, count: 0 };
    const end = after.get(key);
    const count = end ? end.count - start.count : 0;
    means[hop] = end && count > 0 ? round(((end.sum - start.sum) / count) * 1000, 1) : null;
  }
  return means;
}
