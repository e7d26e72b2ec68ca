// Keeps child processes running, like compose's `restart: unless-stopped`: a process that exits
// unexpectedly is restarted after a growing delay, and the restart is logged. Children log JSON
// lines to stdout; the supervisor passes them through and writes its own lines in the same shape.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { WaitTimedOutError, type Logger } from '@saga/shared';

export interface ProcessSpec {
  name: string;
  /** Node entry point (a compiled .js file). */
  script: string;
  env: Record<string, string>;
  /** Answers 200 once the process is ready. */
  readyUrl: string;
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess | undefined;
  restarts: number;
  stopping: boolean;
}

const MAX_RESTART_DELAY_MS = 10_000;
const STABLE_AFTER_MS = 60_000;

export class Supervisor {
  private readonly processes = new Map<string, Supervised>();

  constructor(
    private readonly logger: Logger,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly logFile?: string,
  ) {}

  start(spec: ProcessSpec): void {
    const entry: Supervised = { spec, child: undefined, restarts: 0, stopping: false };
    this.processes.set(spec.name, entry);
    this.spawn(entry);
  }

  pid(name: string): number | undefined {
    return this.processes.get(name)?.child?.pid;
  }

  /** Sends `signal` to a running process without stopping its supervision (chaos tests, workshops). */
  signal(name: string, signal: NodeJS.Signals): void {
    this.processes.get(name)?.child?.kill(signal);
  }

  async stopAll(timeoutMs = 15_000): Promise<void> {
    await Promise.all([...this.processes.values()].map((entry) => this.stop(entry, timeoutMs)));
  }

  private spawn(entry: Supervised): void {
    const { spec } = entry;
    const startedAt = Date.now();
    const child = spawn(process.execPath, [spec.script], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    const sink = this.logFile ? fs.createWriteStream(this.logFile, { flags: 'a' }) : undefined;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.output.write(chunk);
        sink?.write(chunk);
      });
    }
    this.logger.info({ process: spec.name, pid: child.pid, restarts: entry.restarts }, 'process started');
    child.on('exit', (code, signal) => {
      sink?.end();
      if (entry.stopping) return;
      // A process that ran a while before dying starts the backoff afresh; a crash loop keeps growing it.
      if (Date.now() - startedAt > STABLE_AFTER_MS) entry.restarts = 0;
      entry.restarts += 1;
      const delay = Math.min(MAX_RESTART_DELAY_MS, 500 * 2 ** Math.min(entry.restarts - 1, 5));
      this.logger.warn(
        { process: spec.name, code, signal, restarts: entry.restarts, delayMs: delay },
        'process died; restarting',
      );
      setTimeout(() => {
        if (!entry.stopping) this.spawn(entry);
      }, delay);
    });
  }

  private stop(entry: Supervised, timeoutMs: number): Promise<void> {
    entry.stopping = true;
    const child = entry.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => {
        this.logger.warn({ process: entry.spec.name }, 'did not stop in time; killing');
        child.kill('SIGKILL');
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

/** Polls every process's ready URL until all answer 200. */
export async function waitUntilReady(specs: readonly ProcessSpec[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(specs);
  while (pending.size > 0) {
    for (const spec of [...pending]) {
      const ok = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) pending.delete(spec);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      throw new WaitTimedOutError(
        `not ready after ${timeoutMs} ms: ${[...pending].map((spec) => spec.name).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
