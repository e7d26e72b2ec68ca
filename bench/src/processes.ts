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

/** CPU seconds (user + system) the process has used, or undefined when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: count fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return undefined;
  }
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
