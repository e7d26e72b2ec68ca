// Free TCP ports on the loopback interface, so a test stack never collides with `make dev`. They are drawn
// below the kernel's ephemeral range (ip_local_port_range): a port from listen(0) is one the kernel also
// hands outgoing connections as their local port, and a server started on it later fails with EADDRINUSE
// for as long as such a connection lives. A test system's payment service once crash-looped for two
// minutes so, its ops port held by some Kafka client's connection.
import fs from 'node:fs';
import net from 'node:net';

const RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';
const LOWEST = 10_000;
const handedOut = new Set<number>();

/** The first ephemeral port, or undefined where the kernel does not say (then listen(0) it is). */
function ephemeralStart(): number | undefined {
  if (!fs.existsSync(RANGE_FILE)) return undefined;
  const start = Number(fs.readFileSync(RANGE_FILE, 'utf8').trim().split(/\s+/)[0]);
  return Number.isInteger(start) && start > LOWEST + 1_000 ? start : undefined;
}

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  if (end === undefined) {
    const port = await listenOn(0);
    if (port === undefined) throw new Error('no free port on 127.0.0.1');
    return port;
  }
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = LOWEST + Math.floor(Math.random() * (end - LOWEST));
    if (handedOut.has(candidate)) continue;
    handedOut.add(candidate); // before the await: concurrent callers must not draw it too
    if ((await listenOn(candidate)) !== undefined) return candidate;
    handedOut.delete(candidate);
  }
  throw new Error(`no free port on 127.0.0.1 between ${LOWEST} and ${end}`);
}
