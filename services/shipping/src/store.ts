// The shipping service's state: one row per order. Behind a small async interface so a PostgreSQL
// store can replace SQLite for scale-out; the inbox/outbox tables come from the shared runtime.
import type { SqliteDatabase } from '@saga/shared';
import type { Shipment } from './domain/shipment';

export const SHIPPING_MIGRATIONS = [
  `CREATE TABLE shipments (
     order_id        TEXT PRIMARY KEY,
     address         TEXT,
     items           TEXT,
     paid            INTEGER NOT NULL,
     status          TEXT NOT NULL,
     order_cancelled INTEGER NOT NULL,
     shipment_id     TEXT,
     updated_at      INTEGER NOT NULL
   );`,
  // OrderPlaced v2: kept until the booking, which may wait for PaymentCompleted.
  `ALTER TABLE shipments ADD COLUMN gift_message TEXT;`,
];

export interface ShipmentStore {
  get(orderId: string): Promise<Shipment | undefined>;
  /** Writes inside the handler's commit, so the state lands with the events it emits. */
  save(shipment: Shipment): Promise<void>;
  /**
   * Writes in a transaction of its own, committed before a carrier call is made: if the handler then
   * fails, whoever handles the order next knows the call may have taken effect.
   */
  saveBeforeCall(shipment: Shipment): Promise<void>;
}

interface ShipmentRow {
  order_id: string;
  address: string | null;
  items: string | null;
  gift_message: string | null;
  paid: number;
  status: Shipment['status'];
  order_cancelled: number;
  shipment_id: string | null;
  updated_at: number;
}

const parsed = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));
const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

function toShipment(row: ShipmentRow): Shipment {
  return {
    orderId: row.order_id,
    address: parsed<Shipment['address']>(row.address),
    items: parsed<Shipment['items']>(row.items),
    giftMessage: row.gift_message,
    paid: row.paid === 1,
    status: row.status,
    orderCancelled: row.order_cancelled === 1,
    shipmentId: row.shipment_id,
    updatedAt: row.updated_at,
  };
}

export class SqliteShipmentStore implements ShipmentStore {
  constructor(private readonly database: SqliteDatabase) {}

  async get(orderId: string): Promise<Shipment | undefined> {
    // Through the database's queue: never in the middle of another handler's open transaction.
    const row = await this.database.read(
      () =>
        this.database.prepared('SELECT * FROM shipments WHERE order_id = ?').get(orderId) as ShipmentRow | undefined,
    );
    return row && toShipment(row);
  }

  async save(shipment: Shipment): Promise<void> {
    this.database
      .prepared(
        `INSERT INTO shipments (order_id, address, items, gift_message, paid, status, order_cancelled, shipment_id, updated_at)
         VALUES (@orderId, @address, @items, @giftMessage, @paid, @status, @orderCancelled, @shipmentId, @updatedAt)
         ON CONFLICT (order_id) DO UPDATE SET address = excluded.address, items = excluded.items,
           gift_message = excluded.gift_message,
           paid = excluded.paid, status = excluded.status, order_cancelled = excluded.order_cancelled,
           shipment_id = excluded.shipment_id, updated_at = excluded.updated_at`,
      )
      .run({
        ...shipment,
        address: json(shipment.address),
        items: json(shipment.items),
        paid: shipment.paid ? 1 : 0,
        orderCancelled: shipment.orderCancelled ? 1 : 0,
      });
  }

  saveBeforeCall(shipment: Shipment): Promise<void> {
    return this.database.transaction(() => this.save(shipment));
  }
}
