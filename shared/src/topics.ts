// Topics as code: the one definition of every topic, its partitions and retention, and of every
// consumer group with its dead-letter topic. Applied idempotently by infra (native and compose).

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the event and command topics keep a record. */
export const EVENT_RETENTION_MS = 7 * DAY_MS;
const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;
/**
 * Kafka deletes whole segments, once their newest record is past retention; a segment rolls after
 * segment.ms, the broker default log.roll.hours = 168 (these topics do not set it). So a record can
 * outlive its topic's retention by up to this much.
 */
const SEGMENT_ROLL_MS = 7 * DAY_MS;

/**
 * How long an event id can still arrive after it was first processed, so how long a consumer's inbox
 * must remember it. A record reaches a consumer only while it is retained (retention + one segment);
 * a dead letter can be replayed (same event id, back to the original topic, where every group reads it)
 * while the dead letter is retained, and the replayed record lives another retention. Beyond the sum,
 * no copy of the event exists anywhere, so forgetting its id cannot let a duplicate through.
 */
export const PROCESSED_EVENT_RETENTION_MS =
  DEAD_LETTER_RETENTION_MS + SEGMENT_ROLL_MS + EVENT_RETENTION_MS + SEGMENT_ROLL_MS;

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

/** Every group the workshop console joins (its live tap, its dead-letter reader) starts with this. */
export const ConsoleGroupPrefix = 'workshop-console-';

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
  retentionMs: EVENT_RETENTION_MS,
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
      retentionMs: DEAD_LETTER_RETENTION_MS,
      key: "the failed record's own key",
      description: `records the ${group} group could not process`,
    }),
  ),
];
