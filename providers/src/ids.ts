// Identifiers the fake providers hand out, shaped like real ones (Stripe-style prefixes, a carrier's
// tracking number) so logs and test failures read like the real thing.
import { randomBytes, randomInt } from 'node:crypto';

export function newId(prefix: 'ch' | 're' | 'shp'): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function trackingNumber(): string {
  return `FX${String(randomInt(0, 1e12)).padStart(12, '0')}`;
}
