// The faults the chaos tests inject: SIGKILL of a supervised process (then waiting for the supervisor
// to bring it back) and a restart of the test stack's broker; and a count of every restart seen.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, isReady, type SagaService } from '@saga/client';
import type { Supervisor } from '../../infra/src/launcher/supervisor';
import type { TestSystem } from '../support/system';
import { sleep } from './load';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** SIGKILLs `service` and waits until the supervisor has started a new process that is ready; returns ms down. */
export async function killAndAwaitRestart(system: TestSystem, service: SagaService): Promise<number> {
  const { supervisor } = system.system;
  const killed = supervisor.pid(service);
  const at = Date.now();
  supervisor.signal(service, 'SIGKILL');
  await eventually(() => {
    const pid = supervisor.pid(service);
    return pid !== undefined && pid !== killed ? pid : undefined;
  }, 30_000);
  await eventually(async () => ((await isReady(system.opsUrls[service], 1_000)) ? true : undefined), 60_000);
  return Date.now() - at;
}

/** Counts restarts of supervised processes by watching their pids change, whatever caused them. */
export class RestartWatch {
  private readonly pids = new Map<string, number | undefined>();
  private readonly counts: Record<string, number> = {};
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly supervisor: Supervisor,
    names: readonly string[],
  ) {
    for (const name of names) {
      this.pids.set(name, supervisor.pid(name));
      this.counts[name] = 0;
    }
    // A restart takes at least the supervisor's 0.5 s delay, so polling at 100 ms misses none.
    this.timer = setInterval(() => this.poll(), 100);
  }

  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.poll();
    return { ...this.counts };
  }

  private poll(): void {
    for (const [name, pid] of this.pids) {
      const now = this.supervisor.pid(name);
      if (now !== pid) {
        this.pids.set(name, now);
        this.counts[name]! += 1;
      }
    }
  }
}

/** The test stack's env (ports, STACK_DIR), or undefined when the tests run against a stack they did not start. */
export function testStackEnv(): NodeJS.ProcessEnv | undefined {
  const env = process.env.TEST_STACK_ENV;
  return env ? { ...process.env, ...(JSON.parse(env) as NodeJS.ProcessEnv) } : undefined;
}

/** Stops the broker (SIGTERM, as kafka.sh does), keeps it down for `downMs`, starts it and waits for it. */
export async function restartBroker(
  env: NodeJS.ProcessEnv,
  downMs: number,
): Promise<{ stopMs: number; startMs: number }> {
  const kafkaSh = path.join(ROOT, 'infra/native/kafka.sh');
  const stopping = Date.now();
  await run('bash', [kafkaSh, 'stop'], { env });
  const stopMs = Date.now() - stopping;
  await sleep(downMs);
  const starting = Date.now();
  await run('bash', [kafkaSh, 'start'], { env });
  await run('node', [path.join(ROOT, 'infra/dist/wait-for-stack.js'), 'kafka'], {
    // The test stack's client settings (global-setup.ts): its address, the admin principal, its CA.
    env: {
      ...env,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      KAFKA_SASL_USERNAME: process.env.KAFKA_SASL_USERNAME,
      KAFKA_SASL_PASSWORD: process.env.KAFKA_SASL_PASSWORD,
      KAFKA_SSL_CA_LOCATION: process.env.KAFKA_SSL_CA_LOCATION,
      LOG_LEVEL: 'warn',
    },
  });
  return { stopMs, startMs: Date.now() - starting };
}
