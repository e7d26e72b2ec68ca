// What every workshop scenario is: a name, the concept it teaches, and a run against a live system
// through its public interfaces (the REST clients of @saga/client) and, from outside, its Kafka.
import type { GatewayClient, ProvidersClient } from '@saga/client';
import type { DemoConfig } from './config';
import type { KafkaTools } from './kafka-tools';
import type { Narrator } from './narrator';

export interface ScenarioContext {
  config: DemoConfig;
  narrator: Narrator;
  /** The gateway's REST API: orders, their timelines and histories, stock, the read model. */
  gateway: GatewayClient;
  /** The fake providers: what they recorded (charges, shipments) and their fault switches. */
  providers: ProvidersClient;
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
