// The payment service's state: one row per order. Behind a small async interface so a PostgreSQL
// store can replace SQLite for scale-out; the inbox/outbox tables come from the shared runtime.
import type { SqliteDatabase } from '@saga/shared';
import type { Payment } from './domain/payment';

export const PAYMENT_MIGRATIONS = [
  `CREATE TABLE payments (
     order_id        TEXT PRIMARY KEY,
     customer_id     TEXT,
     token           TEXT,
     amount_cents    INTEGER,
     currency        TEXT,
     status          TEXT NOT NULL,
     order_cancelled INTEGER NOT NULL,
     charge_id       TEXT,
     updated_at      INTEGER NOT NULL
   );`,
];

export interface PaymentStore {
  get(orderId: string): Promise<Payment | undefined>;
  /** Writes inside the handler's commit, so the state lands with the events it emits. */
  save(payment: Payment): Promise<void>;
  /**
   * Writes in a transaction of its own, committed before a provider call is made: if the handler then
   * fails, whoever handles the order next knows the call may have taken effect.
   */
  saveBeforeCall(payment: Payment): Promise<void>;
}

interface PaymentRow {
  order_id: string;
  customer_id: string | null;
  token: string | null;
  amount_cents: number | null;
  currency: string | null;
  status: Payment['status'];
  order_cancelled: number;
  charge_id: string | null;
  updated_at: number;
}

function toPayment(row: PaymentRow): Payment {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    token: row.token,
    amountCents: row.amount_cents,
    currency: row.currency,
    status: row.status,
    orderCancelled: row.order_cancelled === 1,
    chargeId: row.charge_id,
    updatedAt: row.updated_at,
  };
}

export class SqlitePaymentStore implements PaymentStore {
  constructor(private readonly database: SqliteDatabase) {}

  async get(orderId: string): Promise<Payment | undefined> {
    // Through the database's queue: never in the middle of another handler's open transaction.
    const row = await this.database.read(
      () => this.database.prepared('SELECT * FROM payments WHERE order_id = ?').get(orderId) as PaymentRow | undefined,
    );
    return row && toPayment(row);
  }

  async save(payment: Payment): Promise<void> {
    this.database
      .prepared(
        `INSERT INTO payments (order_id, customer_id, token, amount_cents, currency, status, order_cancelled, charge_id, updated_at)
         VALUES (@orderId, @customerId, @token, @amountCents, @currency, @status, @orderCancelled, @chargeId, @updatedAt)
         ON CONFLICT (order_id) DO UPDATE SET customer_id = excluded.customer_id, token = excluded.token,
           amount_cents = excluded.amount_cents, currency = excluded.currency, status = excluded.status,
           order_cancelled = excluded.order_cancelled, charge_id = excluded.charge_id, updated_at = excluded.updated_at`,
      )
      .run({ ...payment, orderCancelled: payment.orderCancelled ? 1 : 0 });
  }

  saveBeforeCall(payment: Payment): Promise<void> {
    return this.database.transaction(() => this.save(payment));
  }
}
