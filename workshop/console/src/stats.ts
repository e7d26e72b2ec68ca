// Once a second, while at least one page is open: per-topic write rates and per-group lag from the Kafka
// admin, breaker states and partition pauses scraped from the ops port (/metrics) of every instance of each
// saga service, and the fake providers' fault switches. One sampler per console, shared by every page.
import {
  SagaServices,
  ProvidersClient,
  instanceUrls,
  requestText,
  samplesOf,
  sumOf,
  type Provider,
  type SagaService,
} from '@saga/client';
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
  /** Each service's ops URLs as configured; expanded to its instances (instanceUrls) at every sample. */
  opsUrls: Record<SagaService, readonly string[]>;
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

interface InstanceReading {
  breakers: BreakerState[];
  pausesTotal: number;
}

/** One instance's part of a sample: its last good reading, or undefined once it stopped answering. */
interface InstanceSample {
  url: string;
  part: string;
  reading: InstanceReading | undefined;
}

export class StatsSampler {
  private readonly offsets: OffsetSource;
  private previous: { at: number; ends: Map<string, number> } | undefined;
  /** Each instance's pause count at the last sample, by its ops URL. */
  private readonly pausesSeen = new Map<string, number>();
  private readonly instances: Readings<InstanceReading>;
  private readonly faults: Readings<ProviderFaults>;
  private readonly kafka: Readings<Pick<StatsMessage, 'topicRates' | 'groupLag'>>;

  constructor(
    kafka: Kafka,
    private readonly sources: StatsSources,
    logger: Logger,
  ) {
    this.offsets = kafkaOffsets(kafka);
    this.instances = new Readings(logger);
    this.faults = new Readings(logger);
    this.kafka = new Readings(logger);
  }

  async sample(): Promise<StatsMessage> {
    const at = Date.now();
    const [kafka, services, faults] = await Promise.all([
      this.kafka.read('kafka offsets', () => this.kafkaFigures(at)),
      Promise.all(SagaServices.map((service) => this.sampleService(service))),
      Promise.all(
        PROVIDERS.map((provider) =>
          this.faults.read(`${provider} faults`, () => this.sources.providers.faults(provider, SCRAPE_TIMEOUT_MS)),
        ),
      ),
    ]);
    this.forgetGone(services.flat());
    // In SagaServices order, then instanceUrls' order, whichever answered first: the page's list must not
    // reshuffle every second.
    const breakers = services.flat().flatMap(({ reading }) => reading?.breakers ?? []);
    const pauses = SagaServices.flatMap((service, index) => this.pauses(service, services[index]!));
    return {
      kind: 'stats',
      at,
      topicRates: kafka?.topicRates ?? {},
      groupLag: kafka?.groupLag ?? {},
      breakers,
      pauses,
      faults: Object.fromEntries(PROVIDERS.map((provider, index) => [provider, faults[index] ?? null])),
      unavailable: [...this.kafka.unavailable(), ...this.instances.unavailable(), ...this.faults.unavailable()],
    };
  }

  close(): Promise<void> {
    return this.offsets.close();
  }

  /** Every instance of `service`, each read on its own: one that does not answer is reported by its URL. */
  private async sampleService(service: SagaService): Promise<InstanceSample[]> {
    const urls = await instanceUrls(this.sources.opsUrls[service]);
    return Promise.all(
      urls.map(async (url) => {
        const part = `${service} metrics at ${url}`;
        return { url, part, reading: await this.instances.read(part, () => this.scrape(service, url)) };
      }),
    );
  }

  private async scrape(service: SagaService, url: string): Promise<InstanceReading> {
    const text = await requestText({ method: 'GET', url: `${url}/metrics`, timeoutMs: SCRAPE_TIMEOUT_MS });
    const instance = new URL(url).host;
    const breakers = samplesOf(text, MetricNames.circuitState).map(({ labels, value }) => ({
      service,
      instance,
      breaker: labels.breaker ?? '?',
      state: BREAKER_STATES[value] ?? 'open',
    }));
    // A counter with labels has no sample until its first pause: no sample is no pause.
    return { breakers, pausesTotal: sumOf(samplesOf(text, MetricNames.partitionsPaused)) };
  }

  /**
   * A service's partition pauses, summed over the instances that answer; pausing when one instance's own
   * count rose, so an instance that stops answering and comes back does not read as a burst of pauses.
   */
  private pauses(service: SagaService, instances: readonly InstanceSample[]): StatsMessage['pauses'] {
    let total = 0;
    let pausing = false;
    let answered = false;
    for (const { url, reading } of instances) {
      if (!reading) continue;
      const before = this.pausesSeen.get(url);
      this.pausesSeen.set(url, reading.pausesTotal);
      pausing ||= before !== undefined && reading.pausesTotal > before;
      total += reading.pausesTotal;
      answered = true;
    }
    return answered ? [{ service, total, pausing }] : [];
  }

  /** Drops what is kept about instances no longer there (scaled away, gone from the name's addresses). */
  private forgetGone(current: readonly InstanceSample[]): void {
    this.instances.keepOnly(new Set(current.map(({ part }) => part)));
    const urls = new Set(current.map(({ url }) => url));
    for (const url of this.pausesSeen.keys()) if (!urls.has(url)) this.pausesSeen.delete(url);
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
