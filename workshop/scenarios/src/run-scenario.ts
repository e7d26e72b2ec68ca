// Runs one scenario against a live system with a narrator, and prints what it proved. Shared by the
// `make demo` command line and the automated scenario tests.
import { systemClients } from '@saga/client';
import type { DemoConfig } from './config';
import { KafkaTools } from './kafka-tools';
import { Narrator } from './narrator';
import type { Scenario } from './scenario';

export async function runScenario(
  scenario: Scenario,
  config: DemoConfig,
  options: { out: NodeJS.WritableStream; pace: boolean },
): Promise<string[]> {
  const narrator = new Narrator(options);
  narrator.title(scenario.name, scenario.concept);
  const started = Date.now();
  await scenario.run({ config, narrator, ...systemClients(config), kafka: new KafkaTools(config) });
  narrator.summary();
  options.out.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return narrator.proven;
}
