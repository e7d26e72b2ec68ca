// The shipping service's state: one row per order in its shipments table; reading it and committing a
// booking's intent on its own are the shared SqlProviderCallStore's, on either engine.
import { SqlProviderCallStore, type Migrations, type ProviderCallStore } from '@saga/shared';
import type { Shipment } from './domain/shipment';

const SHIPMENTS = (timestamp: string) => `
   CREATE TABLE shipments (
     order_id        TEXT PRIMARY KEY,
     address         TEXT,
     items           TEXT,
     paid            INTEGER NOT NULL,
     status          TEXT NOT NULL,
     order_cancelled INTEGER NOT NULL,
     shipment_id     TEXT,
     updated_at      ${timestamp} NOT NULL
   );`;
// OrderPlaced v2: kept until the booking, which may wait for PaymentCompleted.
const GIFT_MESSAGE = `ALTER TABLE shipments ADD COLUMN gift_message TEXT;`;

export const SHIPPING_MIGRATIONS: Migrations = {
  sqlite: [SHIPMENTS('INTEGER'), GIFT_MESSAGE],
  postgres: [SHIPMENTS('BIGINT'), GIFT_MESSAGE],
};

export type ShipmentStore = ProviderCallStore<Shipment>;

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

export class SqlShipmentStore extends SqlProviderCallStore<Shipment, ShipmentRow> {
  protected readonly table = 'shipments';
  protected readonly upsert = `
    INSERT INTO shipments (order_id, address, items, gift_message, paid, status, order_cancelled, shipment_id, updated_at)
    VALUES (@orderId, @address, @items, @giftMessage, @paid, @status, @orderCancelled, @shipmentId, @updatedAt)
    ON CONFLICT (order_id) DO UPDATE SET address = excluded.address, items = excluded.items,
      gift_message = excluded.gift_message,
      paid = excluded.paid, status = excluded.status, order_cancelled = excluded.order_cancelled,
      shipment_id = excluded.shipment_id, updated_at = excluded.updated_at`;

  protected fromRow(row: ShipmentRow): Shipment {
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

  protected toRow(shipment: Shipment): Record<string, unknown> {
    return {
      ...shipment,
      address: json(shipment.address),
      items: json(shipment.items),
      paid: shipment.paid ? 1 : 0,
      orderCancelled: shipment.orderCancelled ? 1 : 0,
    };
  }
}
