// What every workshop scenario is: a name, the concept it teaches, and a run against a live system.
import type { DemoConfig } from './config';
import type { Narrator } from './narrator';
import type { SagaClient } from './saga-client';
import type { KafkaTools } from './kafka-tools';

export interface ScenarioContext {
  config: DemoConfig;
  narrator: Narrator;
  saga: SagaClient;
  kafka: KafkaTools;
}

export interface Scenario {
  name: string;
  /** One line for `make demo` without a scenario. */
  summary: string;
  /** The event-driven-architecture concept it demonstrates. */
  concept: string;
  run(context: ScenarioContext): Promise<void>;
}
