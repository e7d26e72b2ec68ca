// The dead-letter CLI (`npm run dlt`) as a scenario runs it: the same command a presenter would type.
// Resolved to infra/dist/dlt.js from both workshop/scenarios/src (tests) and workshop/scenarios/dist (make demo).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { DemoConfig } from './config';

export function dltCli(config: DemoConfig, ...args: string[]): string {
  return execFileSync(process.execPath, [path.resolve(__dirname, '../../../infra/dist/dlt.js'), ...args], {
    env: { ...process.env, KAFKA_BROKERS: config.kafkaBrokers.join(','), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}

/** The `list` lines of one record key, e.g. an order id. */
export function dltLines(config: DemoConfig, group: string, key: string): string[] {
  return dltCli(config, 'list', group)
    .split('\n')
    .filter((line) => line.includes(`key=${key}`));
}
