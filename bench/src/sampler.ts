// CPU and memory of each process during one phase: CPU % is CPU time used over wall time (100 % is one
// full core), RSS the highest resident size seen in the once-a-second samples.
import { cpuSeconds, rssMb } from './processes';

export interface ProcessUsage {
  name: string;
  pid: number;
  cpuPercent: number | null;
  rssMaxMb: number | null;
}

export class PhaseSampler {
  private readonly startedMs = Date.now();
  private readonly cpuAtStart = new Map<string, number | undefined>();
  private readonly rssMax = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: ReadonlyMap<string, number>) {
    for (const [name, pid] of pids) this.cpuAtStart.set(name, cpuSeconds(pid));
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
      const after = cpuSeconds(pid);
      const cpu = before === undefined || after === undefined ? null : ((after - before) / wallSeconds) * 100;
      const rss = this.rssMax.get(name);
      return {
        name,
        pid,
        cpuPercent: cpu === null ? null : Math.round(cpu),
        rssMaxMb: rss === undefined ? null : Math.round(rss),
      };
    });
  }
}
