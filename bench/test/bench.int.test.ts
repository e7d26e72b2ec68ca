// The bench cannot rot: the same code as `make bench`, with a config sized for CI (one low rate for
// 3 s, a small burst, a short relay run), against a private test system.
import { createLogger } from '@saga/shared';
import { loadBenchConfig } from '../src/config';
import { runBench, type BenchReport } from '../src/run';
import { stackEndpoints } from '../../test/support/helpers';
import { startTestSystem, type TestSystem } from '../../test/support/system';

const portOf = (url: string): string => new URL(url.includes('://') ? url : `tcp://${url}`).port;

describe('the benchmark, CI-sized', () => {
  let test: TestSystem | undefined;
  let report: BenchReport;

  beforeAll(async () => {
    test = await startTestSystem();
    const { brokers, registryUrl } = stackEndpoints();
    const config = loadBenchConfig({
      KAFKA_BROKERS: brokers.join(','),
      // The bench's clients are tooling: the admin principal the test setup exports, and the stack's CA.
      KAFKA_SASL_USERNAME: process.env.KAFKA_SASL_USERNAME,
      KAFKA_SASL_PASSWORD: process.env.KAFKA_SASL_PASSWORD,
      KAFKA_SSL_CA_LOCATION: process.env.KAFKA_SSL_CA_LOCATION,
      SCHEMA_REGISTRY_URL: registryUrl,
      GATEWAY_URL: test.gatewayUrl,
      BENCH_RATES: '20',
      BENCH_RATE_SECONDS: '3',
      BENCH_WARMUP_ORDERS: '10',
      BENCH_BURST_ORDERS: '40',
      BENCH_BURST_CONCURRENCY: '8',
      BENCH_RELAY_SECONDS: '2',
      BENCH_RELAY_BURST: '300',
      BENCH_DRAIN_SECONDS: '40',
      KAFKA_PORT: portOf(brokers[0] ?? ''),
      REGISTRY_PORT: portOf(registryUrl),
      GATEWAY_PORT: portOf(test.gatewayUrl),
      CONSOLE_PORT: portOf(test.consoleUrl),
      ORDER_HTTP_PORT: portOf(test.opsUrls.order),
      INVENTORY_HTTP_PORT: portOf(test.opsUrls.inventory),
      PAYMENT_HTTP_PORT: portOf(test.opsUrls.payment),
      SHIPPING_HTTP_PORT: portOf(test.opsUrls.shipping),
      PAYMENT_PROVIDER_PORT: portOf(test.paymentProviderUrl),
      CARRIER_PORT: portOf(test.carrierUrl),
    });
    report = await runBench(config, createLogger('bench-test', 'warn'));
  });

  afterAll(() => test?.system.stop());

  it('confirms every order it offers open-loop and in the burst', () => {
    const [rate] = report.rates;
    expect(rate).toMatchObject({ rate: 20, sent: 60, postErrors: 0, confirmed: 60, cancelled: 0, unfinished: 0 });
    expect(report.burst).toMatchObject({ sent: 40, confirmed: 40 });
    expect(rate?.latencyMs.p50).toEqual(expect.any(Number));
  });

  it('measures every saga hop and every relay hop', () => {
    const hops = Object.values(report.rates[0]?.hopMedianMs ?? {});
    expect(hops).toHaveLength(6);
    for (const hop of [...hops, ...Object.values(report.relay.hopMedianMs)]) expect(hop).toEqual(expect.any(Number));
    expect(report.relay).toMatchObject({ sent: 100, delivered: 100 });
  });

  it("splits each consumer hop into the consuming service's handler time and the rest", () => {
    const inHandler = Object.values(report.rates[0]?.hopHandlerMs ?? {});
    expect(inHandler).toHaveLength(5);
    for (const mean of inHandler) expect(mean).toBeGreaterThan(0);
  });

  it('samples the broker, the registry and every service by the ports they listen on', () => {
    const sampled = report.rates[0]?.processes.map((usage) => usage.name) ?? [];
    expect(sampled).toEqual(
      expect.arrayContaining(['kafka', 'registry', 'gateway', 'console', 'order', 'inventory', 'bench']),
    );
    for (const usage of report.rates[0]?.processes ?? []) expect(usage.rssMaxMb).toBeGreaterThan(0);
  });

  it('costs each phase in CPU per confirmed order, and the relay in CPU per chain', () => {
    expect(report.rates[0]?.cpuMsPerOrder.totalMs).toBeGreaterThan(0);
    expect(report.burst?.cpuMsPerOrder.byProcessMs).not.toHaveProperty('bench');
    expect(report.relay).toMatchObject({ chains: 300 });
    expect(report.relay.cpuMsPerChain.totalMs).toBeGreaterThan(0);
  });

  it('sums up in the fields `make bench` prints last', () => {
    expect(report.summary).toEqual(
      expect.objectContaining({
        sustainedOrdersPerSec: expect.any(Number),
        relayMsgsPerSec: expect.any(Number),
        throughputRatioToRelay: expect.any(Number),
        cpuMsPerOrder: expect.any(Number),
        relayCpuMsPerChain: expect.any(Number),
      }),
    );
    // Null here: this run has no 50/s rate and may not sustain its one rate on a busy CI machine.
    expect(report.summary).toHaveProperty('p99MsAtSustained');
    expect(report.summary).toHaveProperty('p50MsAt50');
  });
});
