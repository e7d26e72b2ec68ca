// Every workshop scenario (`make demo`) against a private test system: each claim a scenario narrates
// is checked as it is made, so a scenario that completes has proven what it told the room.
import { Writable } from 'node:stream';
import { loadDemoConfig } from '../../workshop/scenarios/src/config';
import { runScenario } from '../../workshop/scenarios/src/run-scenario';
import { scenarios } from '../../workshop/scenarios/src/scenarios';
import { stackEndpoints } from '../support/helpers';
import { startTestSystem, type TestSystem } from '../support/system';

// Short enough for saga-timeout to wait on, long enough that a SIGKILLed service (whose partitions move
// after its 10 s session expires), an outage, or a dead letter replayed a few seconds later beat it.
const ORDER_TIMEOUT_MS = 30_000;
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ ORDER_TIMEOUT_MS: String(ORDER_TIMEOUT_MS), BREAKER_RESET_MS: '1500' });
}, 180_000);

afterAll(async () => {
  await system?.system.stop();
});

const config = () =>
  loadDemoConfig({
    GATEWAY_URL: system.gatewayUrl,
    PAYMENT_PROVIDER_URL: system.paymentProviderUrl,
    CARRIER_URL: system.carrierUrl,
    KAFKA_BROKERS: stackEndpoints().brokers.join(','),
    // The scenarios are tooling: the admin principal the test setup exports, and the stack's CA.
    KAFKA_SASL_USERNAME: process.env.KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD: process.env.KAFKA_SASL_PASSWORD,
    KAFKA_SSL_CA_LOCATION: process.env.KAFKA_SSL_CA_LOCATION,
    SCHEMA_REGISTRY_URL: stackEndpoints().registryUrl,
    ORDER_OPS_URL: system.opsUrls.order,
    INVENTORY_OPS_URL: system.opsUrls.inventory,
    PAYMENT_OPS_URL: system.opsUrls.payment,
    SHIPPING_OPS_URL: system.opsUrls.shipping,
    ORDER_TIMEOUT_MS: String(ORDER_TIMEOUT_MS),
    ZIPKIN_URL: system.zipkinUrl,
  });

describe('workshop scenarios', () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s runs to completion',
    async (_, scenario) => {
      let narration = '';
      const out = new Writable({
        write(chunk: Buffer, _encoding, done) {
          narration += chunk.toString();
          done();
        },
      });

      const proven = await runScenario(scenario, config(), { out, pace: false }).catch((error: Error) => {
        throw new Error(`${error.message}\n--- narration so far ---${narration}`);
      });

      expect(proven.length).toBeGreaterThan(0);
      expect(narration).toContain('Proven:');
    },
    150_000,
  );
});
