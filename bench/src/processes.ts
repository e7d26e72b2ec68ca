// Finds the system's processes by the TCP ports they listen on (a shared machine may run other stacks
// with the same command lines), then reads their CPU time and resident memory from /proc (Linux).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Inodes of listening sockets by local port, from /proc/net/tcp and tcp6. */
function listeningInodes(): Map<number, string> {
  const inodes = new Map<number, string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields[3] is the state: 0A is LISTEN; fields[9] the socket inode.
      const [, local, , state, , , , , , inode] = fields;
      if (local === undefined || inode === undefined || state !== '0A') continue;
      inodes.set(parseInt(local.split(':').pop() ?? '', 16), inode);
    }
  }
  return inodes;
}

/** The pid listening on each of `ports` (by name); a port nobody listens on is left out. */
export function pidsByPort(ports: Record<string, number>): Map<string, number> {
  const listening = listeningInodes();
  const wanted = new Map<string, string>(); // socket inode -> name
  for (const [name, port] of Object.entries(ports)) {
    const inode = listening.get(port);
    if (inode) wanted.set(`socket:[${inode}]`, name);
  }
  const found = new Map<string, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || found.size === wanted.size) continue;
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      const name = wanted.get(readLink(`/proc/${entry}/fd/${fd}`));
      if (name && !found.has(name)) found.set(name, Number(entry));
    }
  }
  return found;
}

/**
 * The supervisor that started `pid`, when it is the native stack's launcher (infra/dist/launcher/main.js):
 * it listens on no port, but passes every child's log lines through, so it costs CPU per record. A test
 * system started inside a test process has no launcher of its own; then this is undefined.
 */
export function launcherOf(pid: number): number | undefined {
  try {
    const parent = Number(/^PPid:\s+(\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const command = fs.readFileSync(`/proc/${parent}/cmdline`, 'utf8').split('\0');
    return command.some((arg) => arg.endsWith('launcher/main.js')) ? parent : undefined;
  } catch {
    return undefined; // gone, or not ours to read
  }
}

function readLink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return '';
  }
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100; // the Linux default
    }
  }
  return clockTicks;
}

/**
 * The fields of /proc/<pid>/stat after the command name, from field 3 (state) on, or undefined when the
 * process is gone. The name may hold spaces and parentheses: the fields start after its closing ')'.
 */
function statFields(pid: number, proc: string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`${proc}/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

// Indices into statFields: fields 4 (ppid), 14-15 (utime, stime) and 16-17 (cutime, cstime) of proc(5).
const PPID = 1;
const UTIME = 11;
const STIME = 12;
const CUTIME = 13;
const CSTIME = 14;
const ticks = (fields: string[], ...at: number[]): number => at.reduce((sum, i) => sum + Number(fields[i]), 0);

/** CPU seconds (user + system) the process has used, or undefined when it is gone. */
export function cpuSeconds(pid: number, proc = '/proc'): number | undefined {
  const fields = statFields(pid, proc);
  return fields && ticks(fields, UTIME, STIME) / ticksPerSecond();
}

/**
 * CPU seconds of a process and all its descendants, or undefined when it is gone: for a server that forks
 * a process per connection (PostgreSQL's backends). The live descendants are found by their parent pid;
 * the ones that exited and were reaped are in their parent's cutime and cstime, so that a backend that
 * ended during a phase still counts. `proc` is the /proc to read, so that a test can fake one.
 */
export function treeCpuSeconds(pid: number, proc = '/proc'): number | undefined {
  const fields = statFields(pid, proc);
  if (!fields) return undefined;
  const children = new Map<number, number[]>(); // parent pid -> its live children
  for (const entry of fs.readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry), proc)?.[PPID]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const treeTicks = (at: number, own: string[]): number =>
    ticks(own, UTIME, STIME, CUTIME, CSTIME) +
    (children.get(at) ?? []).reduce((sum, child) => {
      const childFields = statFields(child, proc);
      // Gone since the scan: its time shows in the parent's cutime from the next reading on.
      return sum + (childFields ? treeTicks(child, childFields) : 0);
    }, 0);
  return treeTicks(pid, fields) / ticksPerSecond();
}

/**
 * CPU seconds the whole machine has been busy (every core, every process: user, nice, system, irq, softirq,
 * steal), from the first line of /proc/stat; against the system's own it tells how much else ran.
 */
export function machineBusySeconds(proc = '/proc'): number {
  const [cpu = ''] = fs.readFileSync(`${proc}/stat`, 'utf8').split('\n');
  const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu.trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) / ticksPerSecond();
}

/** Resident set size in MB, or undefined when the process is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
