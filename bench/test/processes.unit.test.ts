// PostgreSQL's CPU is its process tree's: the postmaster, the backends it forked, and the backends that
// have exited (in the postmaster's cutime and cstime), read from a fake /proc.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds, treeCpuSeconds } from '../src/processes';

let proc: string;

/** Writes a /proc/<pid>/stat with the fields the bench reads: ppid, utime, stime, cutime, cstime (in ticks). */
function fakeProcess(
  pid: number,
  ppid: number,
  ticks: { utime: number; stime: number; cutime?: number; cstime?: number },
) {
  const { utime, stime, cutime = 0, cstime = 0 } = ticks;
  const fields = ['S', ppid, pid, pid, 0, -1, 4194560, 0, 0, 0, 0, utime, stime, cutime, cstime, 20, 0, 1];
  fs.mkdirSync(path.join(proc, String(pid)), { recursive: true });
  // The name has a space and a parenthesis, as a backend's may ("postgres: saga_order saga (12345)").
  fs.writeFileSync(path.join(proc, String(pid), 'stat'), `${pid} (postgres: x) y) ${fields.join(' ')}\n`);
}

beforeEach(() => {
  proc = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-proc-'));
  fs.mkdirSync(path.join(proc, 'self')); // not a pid: skipped
});
afterEach(() => fs.rmSync(proc, { recursive: true, force: true }));

describe('CPU of a process tree', () => {
  it('sums the process, its live descendants and the children it reaped', () => {
    fakeProcess(1, 0, { utime: 1, stime: 0 }); // one tick: the unit of the figures below
    fakeProcess(100, 1, { utime: 10, stime: 5, cutime: 40, cstime: 20 }); // postmaster, ended backends reaped
    fakeProcess(101, 100, { utime: 7, stime: 3 }); // a backend
    fakeProcess(102, 100, { utime: 2, stime: 1, cutime: 4 }); // a backend with a helper it reaped
    fakeProcess(103, 102, { utime: 1, stime: 1 }); // that backend's live child
    fakeProcess(200, 1, { utime: 500, stime: 500 }); // another process on the machine
    const tick = cpuSeconds(1, proc) ?? NaN;

    expect(treeCpuSeconds(100, proc)).toBeCloseTo((15 + 60 + 10 + 7 + 2) * tick);
    expect(cpuSeconds(100, proc)).toBeCloseTo(15 * tick);
  });

  it('keeps counting a backend after it exited and was reaped', () => {
    fakeProcess(1, 0, { utime: 1, stime: 0 });
    fakeProcess(100, 1, { utime: 10, stime: 0 });
    fakeProcess(101, 100, { utime: 30, stime: 0 });
    const tick = cpuSeconds(1, proc) ?? NaN;
    const before = treeCpuSeconds(100, proc) ?? NaN;

    fs.rmSync(path.join(proc, '101'), { recursive: true });
    fakeProcess(100, 1, { utime: 12, stime: 0, cutime: 30 });

    expect((treeCpuSeconds(100, proc) ?? NaN) - before).toBeCloseTo(2 * tick);
  });

  it('is unknown once the process itself is gone', () => {
    expect(treeCpuSeconds(4242, proc)).toBeUndefined();
  });
});
