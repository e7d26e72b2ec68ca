// CPU and memory of each process during one phase: CPU seconds used (user + system), CPU % is that over
// wall time (100 % is one full core), RSS the highest resident size seen in the once-a-second samples.
// PostgreSQL's CPU is its whole process tree's, since its work is done in a backend per connection; its
// RSS is the postmaster's alone, as every backend's RSS counts the shared buffers again.
import { POSTGRES_PROCESS } from './config';
import { cpuSeconds, rssMb, treeCpuSeconds } from './processes';
import { round } from './stats';

export interface ProcessUsage {
  name: string;
  pid: number;
  /** CPU seconds used during the phase; null when the process was gone by its end (a
   * restarted process has another pid). */
  cpuSeconds: number | null;
  cpuPercent: number | null;
  rssMaxMb: number | null;
}

const cpuOf = (name: string, pid: number): number | undefined =>
  name === POSTGRES_PROCESS ? treeCpuSeconds(pid) : cpuSeconds(pid);

export class PhaseSampler {
  private readonly startedMs = Date.now();
  private readonly cpuAtStart = new Map<string, number | undefined>();
  private readonly rssMax = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: ReadonlyMap<string, number>) {
    for (const [name, pid] of pids) this.cpuAtStart.set(name, cpuOf(name, pid));
    this.sampleRss();
    this.timer = setInterval(() => this.sampleRss(), 1000);
    this.timer.unref();
  }

  private sampleRss(): void {
    for (const [name, pid] of this.pids) {
      const rss = rssMb(pid);
      if (rss !== undefined) this.rssMax.set(name, Math.max(rss, this.rssMax.get(name) ?? 0));
    }
  }

  stop(): ProcessUsage[] {
    clearInterval(this.timer);
    this.sampleRss();
    const wallSeconds = (Date.now() - this.startedMs) / 1000;
    return [...this.pids].map(([name, pid]) => {
      const before = this.cpuAtStart.get(name);
      const after = cpuOf(name, pid);
      const used = before === undefined || after === undefined ? null : after - before;
      const rss = this.rssMax.get(name);
      return {
        name,
        pid,
        cpuSeconds: round(used, 2), // /proc counts in clock ticks (10 ms); no float dust in the JSON
        cpuPercent: used === null ? null : Math.round((used / wallSeconds) * 100),
        rssMaxMb: rss === undefined ? null : Math.round(rss),
      };
    });
  }
}
