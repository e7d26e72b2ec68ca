// Once a second, while at least one console is open: per-topic write rates and per-group lag from the
// Kafka admin, breaker states and partition pauses scraped from each service's /metrics, and the fake
// providers' fault switches. One sampler per gateway, shared by every client, so ten open pages cost
// the broker what one does.
import {
  ConsumerGroups,
  MetricNames,
  TopicSpecs,
  kafkaOffsets,
  type Logger,
  type OffsetSource,
  type PartitionRange,
  type createKafka,
} from '@saga/shared';
import type { BreakerState, StatsMessage } from './messages';
import { ConsoleServices, type ConsoleService } from './ops-urls';
import { samplesOf } from './prometheus-text';

type Kafka = ReturnType<typeof createKafka>;

export interface StatsSources {
  opsUrls: Record<ConsoleService, string>;
  providerUrls: Record<'payment' | 'carrier', string>;
}

const TOPICS = TopicSpecs.map((spec) => spec.name);
const SERVICE_GROUPS: Record<ConsoleService, string> = {
  order: ConsumerGroups.order,
  inventory: ConsumerGroups.inventory,
  payment: ConsumerGroups.payment,
  shipping: ConsumerGroups.shipping,
};
// saga_circuit_state: 0 closed, 1 half-open, 2 open (shared/src/providers/circuit-breaker.ts).
const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
const SCRAPE_TIMEOUT_MS = 800;

const fetchWithin = (url: string) => fetch(url, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });

export class StatsSampler {
  private readonly offsets: OffsetSource;
  private previous: { at: number; ends: Map<string, number> } | undefined;
  private readonly pausesSeen = new Map<ConsoleService, number>();

  constructor(
    kafka: Kafka,
    private readonly sources: StatsSources,
    private readonly logger: Logger,
  ) {
    this.offsets = kafkaOffsets(kafka);
  }

  async sample(): Promise<StatsMessage> {
    const unavailable: string[] = [];
    const at = Date.now();
    const [{ topicRates, groupLag }, scraped, faults] = await Promise.all([
      this.kafkaFigures(at).catch((error: unknown) =>
        this.missing(unavailable, 'kafka offsets', error, { topicRates: {}, groupLag: {} }),
      ),
      this.scrapeServices(unavailable),
      this.providerFaults(unavailable),
    ]);
    return { kind: 'stats', at, topicRates, groupLag, ...scraped, faults, unavailable };
  }

  close(): Promise<void> {
    return this.offsets.close();
  }

  private missing<T>(unavailable: string[], what: string, error: unknown, fallback: T): T {
    unavailable.push(what);
    this.logger.debug({ err: error }, `console stats: ${what} unavailable`);
    return fallback;
  }

  private async kafkaFigures(at: number): Promise<Pick<StatsMessage, 'topicRates' | 'groupLag'>> {
    const ranges = await this.offsets.ranges(TOPICS);
    return { topicRates: this.topicRates(at, ranges), groupLag: await this.groupLag(ranges) };
  }

  private topicRates(at: number, ranges: readonly PartitionRange[]): Record<string, number> {
    const ends = new Map<string, number>();
    for (const { topic, high } of ranges) ends.set(topic, (ends.get(topic) ?? 0) + high);
    const previous = this.previous;
    this.previous = { at, ends };
    const seconds = previous ? (at - previous.at) / 1000 : 0;
    return Object.fromEntries(
      [...ends].map(([topic, end]) => [
        topic,
        previous && seconds > 0 ? Math.max(0, Math.round((end - (previous.ends.get(topic) ?? end)) / seconds)) : 0,
      ]),
    );
  }

  private async groupLag(ranges: readonly PartitionRange[]): Promise<Record<string, number>> {
    const end = new Map(ranges.map((range) => [`${range.topic}/${range.partition}`, range.high]));
    const lag: Record<string, number> = {};
    for (const group of Object.values(SERVICE_GROUPS)) {
      const committed = await this.offsets.committed(group, TOPICS);
      // -1: the group never committed on that partition (it has nothing to read there yet): no lag.
      lag[group] = committed
        .filter(({ offset }) => offset >= 0)
        .reduce(
          (sum, { topic, partition, offset }) => sum + Math.max(0, (end.get(`${topic}/${partition}`) ?? 0) - offset),
          0,
        );
    }
    return lag;
  }

  private async scrapeServices(unavailable: string[]): Promise<Pick<StatsMessage, 'breakers' | 'pauses'>> {
    const breakers: BreakerState[] = [];
    const pauses: StatsMessage['pauses'] = [];
    await Promise.all(
      ConsoleServices.map(async (service) => {
        const text = await fetchWithin(`${this.sources.opsUrls[service]}/metrics`)
          .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`))))
          .catch((error: unknown) => this.missing(unavailable, `${service} metrics`, error, undefined));
        if (text === undefined) return;
        for (const { labels, value } of samplesOf(text, MetricNames.circuitState)) {
          breakers.push({ service, breaker: labels.breaker ?? '?', state: BREAKER_STATES[value] ?? 'open' });
        }
        const total = samplesOf(text, MetricNames.partitionsPaused).reduce((sum, { value }) => sum + value, 0);
        const before = this.pausesSeen.get(service);
        this.pausesSeen.set(service, total);
        pauses.push({ service, total, pausing: before !== undefined && total > before });
      }),
    );
    return { breakers, pauses };
  }

  private async providerFaults(unavailable: string[]): Promise<StatsMessage['faults']> {
    const entries = await Promise.all(
      Object.entries(this.sources.providerUrls).map(async ([provider, url]) => {
        const faults = await fetchWithin(`${url}/admin/faults`)
          .then((response) => (response.ok ? (response.json() as Promise<Record<string, unknown>>) : null))
          .catch((error: unknown) => this.missing(unavailable, `${provider} faults`, error, null));
        return [provider, faults] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
