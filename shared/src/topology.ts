// Who sends and who receives each event type: the system's map as data. Each service's main.ts passes
// its entry to ServiceRuntime, which registers the `produces` writers and refuses to start unless the
// `.on(type, handler)` list there is exactly `consumes`; docs/asyncapi.yaml is generated from this file.
import type { EventType } from './generated/events';
import { ConsumerGroups, type ConsumerGroup } from './topics';

export interface Application {
  /** The log `service` and the `producer` stamped on every record it writes. */
  service: string;
  /** Its consumer group; `<groupId>.dlt` receives what it could not process. */
  groupId: ConsumerGroup;
  description: string;
  /** Every type it writes: their schemas are registered at start. */
  produces: readonly EventType[];
  /** Every type it handles, one handler each. */
  consumes: readonly EventType[];
}

export const Applications = {
  gateway: {
    service: 'gateway',
    groupId: ConsumerGroups.gateway,
    description:
      'The REST front door: turns requests into commands and answers queries from a read model it ' +
      'projects from the topics in the one group `gateway-projection`, resuming each partition at the offset ' +
      'its read model last applied.',
    produces: ['PlaceOrder', 'CancelOrder', 'RestockProduct'],
    consumes: [
      'PlaceOrder',
      'CancelOrder',
      'OrderPlaced',
      'OrderConfirmed',
      'OrderCancelled',
      'StockReserved',
      'StockReservationFailed',
      'StockReleased',
      'StockSold',
      'StockLevelChanged',
      'PaymentCompleted',
      'PaymentFailed',
      'PaymentRefunded',
      'ShipmentScheduled',
      'ShipmentFailed',
      'ShipmentCancelled',
    ],
  },
  order: {
    service: 'order-service',
    groupId: ConsumerGroups.order,
    description: 'Owns orders and the single authority on their outcome: CONFIRMED, or CANCELLED with a reason.',
    produces: ['OrderPlaced', 'OrderConfirmed', 'OrderCancelled'],
    consumes: [
      'PlaceOrder',
      'CancelOrder',
      'StockReserved',
      'StockReservationFailed',
      'PaymentFailed',
      'ShipmentScheduled',
      'ShipmentFailed',
    ],
  },
  inventory: {
    service: 'inventory-service',
    groupId: ConsumerGroups.inventory,
    description: 'Owns stock: reserves all lines of an order or none, releases or sells the reservation.',
    produces: ['StockReserved', 'StockReservationFailed', 'StockReleased', 'StockSold', 'StockLevelChanged'],
    consumes: ['OrderPlaced', 'OrderCancelled', 'OrderConfirmed', 'RestockProduct'],
  },
  payment: {
    service: 'payment-service',
    groupId: ConsumerGroups.payment,
    description: 'Charges the reserved total through the payment provider, and refunds it on cancellation.',
    produces: ['PaymentCompleted', 'PaymentFailed', 'PaymentRefunded'],
    consumes: ['OrderPlaced', 'StockReserved', 'OrderCancelled'],
  },
  shipping: {
    service: 'shipping-service',
    groupId: ConsumerGroups.shipping,
    description: 'Books a shipment with the carrier once paid, and cancels it on cancellation.',
    produces: ['ShipmentScheduled', 'ShipmentFailed', 'ShipmentCancelled'],
    consumes: ['OrderPlaced', 'PaymentCompleted', 'OrderCancelled'],
  },
} as const satisfies Record<string, Application>;

export type ApplicationName = keyof typeof Applications;

/** The declared types that have no registered handler, in declaration order. */
export function unhandledTypes(declared: readonly string[], registered: readonly string[]): string[] {
  return declared.filter((type) => !registered.includes(type));
}
