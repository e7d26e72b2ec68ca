// Once a second, while at least one page is open: per-topic write rates and per-group lag from the Kafka
// admin, breaker states and partition pauses scraped from each saga service's ops port (/metrics), and
// the fake providers' fault switches. One sampler per console, shared by every page.
import { SagaServices, ProvidersClient, requestText, samplesOf, type Provider, type SagaService } from '@saga/client';
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
import type { BreakerState, ProviderFaults, StatsMessage } from './messages';
import { Readings } from './readings';

type Kafka = ReturnType<typeof createKafka>;

export interface StatsSources {
  opsUrls: Record<SagaService, string>;
  providers: ProvidersClient;
}

const TOPICS = TopicSpecs.map((spec) => spec.name);
const PROVIDERS: readonly Provider[] = ['payment', 'carrier'];
// saga_circuit_state: 0 closed, 1 half-open, 2 open (shared/src/providers/circuit-breaker.ts).
const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
/**
 * Each scrape's budget, the body included. It runs on this process's event loop, beside the tap's
 * decoding and a browser on the same cores: 800 ms, as it was, ran out on a busy workshop laptop.
 */
export const SCRAPE_TIMEOUT_MS = 2_500;

interface ServiceReading {
  breakers: BreakerState[];
  pausesTotal: number;
}

export class StatsSampler {
  private readonly offsets: OffsetSource;
  private previous: { at: number; ends: Map<string, number> } | undefined;
  private readonly pausesSeen = new Map<SagaService, number>();
  private readonly services: Readings<ServiceReading>;
  private readonly faults: Readings<ProviderFaults>;
  private readonly kafka: Readings<Pick<StatsMessage, 'topicRates' | 'groupLag'>>;

  constructor(
    kafka: Kafka,
    private readonly sources: StatsSources,
    logger: Logger,
  ) {
    this.offsets = kafkaOffsets(kafka);
    this.services = new Readings(logger);
    this.faults = new Readings(logger);
    this.kafka = new Readings(logger);
  }

  async sample(): Promise<StatsMessage> {
    const at = Date.now();
    const [kafka, services, faults] = await Promise.all([
      this.kafka.read('kafka offsets', () => this.kafkaFigures(at)),
      Promise.all(SagaServices.map((service) => this.services.read(`${service} metrics`, () => this.scrape(service)))),
      Promise.all(
        PROVIDERS.map((provider) =>
          this.faults.read(`${provider} faults`, () => this.sources.providers.faults(provider, SCRAPE_TIMEOUT_MS)),
        ),
      ),
    ]);
    // In SagaServices order, whichever answered first: the page's list must not reshuffle every second.
    const breakers = services.flatMap((reading) => reading?.breakers ?? []);
    const pauses = SagaServices.flatMap((service, index) => {
      const total = services[index]?.pausesTotal;
      if (total === undefined) return [];
      const before = this.pausesSeen.get(service);
      this.pausesSeen.set(service, total);
      return [{ service, total, pausing: before !== undefined && total > before }];
    });
    return {
      kind: 'stats',
      at,
      topicRates: kafka?.topicRates ?? {},
      groupLag: kafka?.groupLag ?? {},
      breakers,
      pauses,
      faults: Object.fromEntries(PROVIDERS.map((provider, index) => [provider, faults[index] ?? null])),
      unavailable: [...this.kafka.unavailable(), ...this.services.unavailable(), ...this.faults.unavailable()],
    };
  }

  close(): Promise<void> {
    return this.offsets.close();
  }

  private async scrape(service: SagaService): Promise<ServiceReading> {
    const text = await requestText({
      method: 'GET',
      url: `${this.sources.opsUrls[service]}/metrics`,
      timeoutMs: SCRAPE_TIMEOUT_MS,
    });
    const breakers = samplesOf(text, MetricNames.circuitState).map(({ labels, value }) => ({
      service,
      breaker: labels.breaker ?? '?',
      state: BREAKER_STATES[value] ?? 'open',
    }));
    // A counter with labels has no sample until its first pause: no sample is no pause.
    const pausesTotal = samplesOf(text, MetricNames.partitionsPaused).reduce((sum, { value }) => sum + value, 0);
    return { breakers, pausesTotal };
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
    const groups = SagaServices.map((service) => ConsumerGroups[service]);
    const committed = await Promise.all(groups.map((group) => this.offsets.committed(group, TOPICS)));
    // -1: the group never committed on that partition (it has nothing to read there yet): no lag.
    return Object.fromEntries(
      groups.map((group, index) => [
        group,
        committed[index]!.filter(({ offset }) => offset >= 0).reduce(
          (sum, { topic, partition, offset }) => sum + Math.max(0, (end.get(`${topic}/${partition}`) ?? 0) - offset),
          0,
        ),
      ]),
    );
  }
}
