// The payment service's state: one row per order in its payments table; reading it and committing a
// charge's intent on its own are the shared SqlProviderCallStore's, on either engine.
import { SqlProviderCallStore, type Migrations, type ProviderCallStore } from '@saga/shared';
import type { Payment } from './domain/payment';

const PAYMENTS = (timestamp: string) => `
   CREATE TABLE payments (
     order_id        TEXT PRIMARY KEY,
     customer_id     TEXT,
     token           TEXT,
     amount_cents    INTEGER,
     currency        TEXT,
     status          TEXT NOT NULL,
     order_cancelled INTEGER NOT NULL,
     charge_id       TEXT,
     updated_at      ${timestamp} NOT NULL
   );`;

export const PAYMENT_MIGRATIONS: Migrations = {
  sqlite: [PAYMENTS('INTEGER')],
  postgres: [PAYMENTS('BIGINT')],
};

export type PaymentStore = ProviderCallStore<Payment>;

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

export class SqlPaymentStore extends SqlProviderCallStore<Payment, PaymentRow> {
  protected readonly table = 'payments';
  protected readonly upsert = `
    INSERT INTO payments (order_id, customer_id, token, amount_cents, currency, status, order_cancelled, charge_id, updated_at)
    VALUES (@orderId, @customerId, @token, @amountCents, @currency, @status, @orderCancelled, @chargeId, @updatedAt)
    ON CONFLICT (order_id) DO UPDATE SET customer_id = excluded.customer_id, token = excluded.token,
      amount_cents = excluded.amount_cents, currency = excluded.currency, status = excluded.status,
      order_cancelled = excluded.order_cancelled, charge_id = excluded.charge_id, updated_at = excluded.updated_at`;

  protected fromRow(row: PaymentRow): Payment {
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

  protected toRow(payment: Payment): Record<string, unknown> {
    return { ...payment, orderCancelled: payment.orderCancelled ? 1 : 0 };
  }
}
