import fs from 'node:fs';
import { freePort } from './ports';

describe('free ports for test systems', () => {
  it('hands out distinct ports below the ephemeral range, where no outgoing connection can hold one', async () => {
    const [start] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.filter((port) => port >= start!)).toEqual([]);
  });
});
