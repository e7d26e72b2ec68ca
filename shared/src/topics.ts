// Topics as code: the one definition of every topic, its partitions and retention, and of every
// consumer group with its dead-letter topic. Applied idempotently by infra (native and compose).

const DAY_MS = 24 * 60 * 60 * 1000;

export const Topics = {
  /** Commands to the order service (PlaceOrder, CancelOrder), keyed by order id. */
  orderCommands: 'order.commands',
  /** Facts about orders, keyed by order id. */
  orderEvents: 'order.events',
  /** Commands to the inventory service (RestockProduct), keyed by sku. */
  inventoryCommands: 'inventory.commands',
  /** Reservation facts of an order's saga, keyed by order id. */
  inventoryEvents: 'inventory.events',
  /** The latest stock level of every product, keyed by sku; compacted, so it reads like a table. */
  inventoryStock: 'inventory.stock',
  /** Payment facts, keyed by order id. */
  paymentEvents: 'payment.events',
  /** Shipment facts, keyed by order id. */
  shippingEvents: 'shipping.events',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** One consumer group per service; `<group>.dlt` holds what that group could not process. */
export const ConsumerGroups = {
  order: 'order-service',
  inventory: 'inventory-service',
  payment: 'payment-service',
  shipping: 'shipping-service',
  gateway: 'gateway-projection',
} as const;

export type ConsumerGroup = (typeof ConsumerGroups)[keyof typeof ConsumerGroups];

export function deadLetterTopic(group: string): string {
  return `${group}.dlt`;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  cleanupPolicy: 'delete' | 'compact';
  retentionMs: number;
  /** What each record is keyed by: one key's records share a partition, so they stay in order. */
  key: string;
  description: string;
}

// Six partitions: room for six instances of a service per group, and per-order ordering by key.
const PARTITIONS = 6;

const ORDER_ID = 'the order id';
const SKU = 'the sku';

const eventTopic = (name: TopicName, key: string, description: string): TopicSpec => ({
  name,
  partitions: PARTITIONS,
  cleanupPolicy: 'delete',
  retentionMs: 7 * DAY_MS,
  key,
  description,
});

export const TopicSpecs: readonly TopicSpec[] = [
  eventTopic(Topics.orderCommands, ORDER_ID, 'PlaceOrder and CancelOrder from the gateway'),
  eventTopic(Topics.orderEvents, ORDER_ID, 'OrderPlaced, OrderConfirmed, OrderCancelled'),
  eventTopic(Topics.inventoryCommands, SKU, 'RestockProduct from the gateway'),
  eventTopic(Topics.inventoryEvents, ORDER_ID, 'StockReserved, StockReservationFailed, StockReleased, StockSold'),
  {
    name: Topics.inventoryStock,
    partitions: PARTITIONS,
    cleanupPolicy: 'compact',
    retentionMs: -1,
    key: SKU,
    description: 'StockLevelChanged: the latest level per sku',
  },
  eventTopic(Topics.paymentEvents, ORDER_ID, 'PaymentCompleted, PaymentFailed, PaymentRefunded'),
  eventTopic(Topics.shippingEvents, ORDER_ID, 'ShipmentScheduled, ShipmentFailed, ShipmentCancelled'),
  ...Object.values(ConsumerGroups).map(
    (group): TopicSpec => ({
      name: deadLetterTopic(group),
      // Dead letters are few and read by people: one partition keeps them in the order they failed.
      partitions: 1,
      cleanupPolicy: 'delete',
      retentionMs: 30 * DAY_MS,
      key: "the failed record's own key",
      description: `records the ${group} group could not process`,
    }),
  ),
];
