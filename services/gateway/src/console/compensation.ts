// The steps of the saga that undo an earlier one: the console marks them in the swimlane and stream.
import type { EventType } from '@saga/shared';

const COMPENSATIONS: ReadonlySet<string> = new Set<EventType>([
  'OrderCancelled',
  'StockReleased',
  'PaymentRefunded',
  'ShipmentCancelled',
]);

export const isCompensation = (type: string): boolean => COMPENSATIONS.has(type);
