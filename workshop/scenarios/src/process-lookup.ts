// Finds the process listening on a local TCP port, from /proc (Linux): how the service-crash scenario
// finds the service behind an ops URL to SIGKILL it, without a pid file or a port it does not own.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

export function pidListeningOn(port: number): number | undefined {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns[1]?.endsWith(hexPort) && columns[3] === LISTEN && columns[9]) inodes.add(columns[9]);
    }
  }
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    for (const fd of descriptors(pid)) {
      const socket = /^socket:\[(\d+)\]$/.exec(fd)?.[1];
      if (socket && inodes.has(socket)) return Number(pid);
    }
  }
  return undefined;
}

function descriptors(pid: string): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`));
  } catch {
    return []; // the process ended meanwhile, or belongs to another user: not the one we look for
  }
}
