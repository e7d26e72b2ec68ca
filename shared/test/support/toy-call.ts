// The smallest provider call, standing for any service's in the lifecycle's tests: a charge of an
// amount that may arrive late, declined when the amount is 0, undone by a refund. Its events borrow
// the payment's types; their bodies are whatever the test needs to see.
import {
  ProviderCallLifecycle,
  SqlProviderCallStore,
  type Migrations,
  type CallStatuses,
  type CallTypes,
  type ProviderCallSpec,
} from '@saga/shared';

export interface Toy {
  orderId: string;
  amount: number | null;
  status: string;
  orderCancelled: boolean;
  chargeId: string | null;
  updatedAt: number;
}

export type ToyOutcome = { kind: 'charged'; chargeId: string } | { kind: 'declined' };

export interface ToyCall extends CallTypes {
  state: Toy;
  request: { idempotencyKey: string; amount: number };
  outcome: ToyOutcome;
  undo: string;
  event:
    | { type: 'PaymentCompleted'; body: { orderId: string; chargeId: string } }
    | { type: 'PaymentFailed'; body: { orderId: string } }
    | { type: 'PaymentRefunded'; body: { orderId: string; chargeId: string } };
}

export const toyStatuses: CallStatuses = {
  idle: 'IDLE',
  calling: 'CALLING',
  done: 'DONE',
  refused: 'REFUSED',
  undone: 'UNDONE',
  cancelled: 'CANCELLED',
};

export const toySpec: ProviderCallSpec<ToyCall> = {
  name: 'toy',
  statuses: toyStatuses,
  blank: { amount: null, chargeId: null },
  request: ({ orderId, amount }) => (amount === null ? undefined : { idempotencyKey: orderId, amount }),
  answered: (toy, _request, outcome) =>
    outcome.kind === 'declined'
      ? { phase: 'refused', state: toy, event: { type: 'PaymentFailed', body: { orderId: toy.orderId } } }
      : {
          phase: 'done',
          state: { ...toy, chargeId: outcome.chargeId },
          event: { type: 'PaymentCompleted', body: { orderId: toy.orderId, chargeId: outcome.chargeId } },
        },
  undo: ({ orderId, chargeId }) =>
    chargeId === null
      ? undefined
      : { request: chargeId, event: { type: 'PaymentRefunded', body: { orderId, chargeId } } },
};

export const toyLifecycle = new ProviderCallLifecycle<ToyCall>(toySpec);

/** The amount is known: the call may be made. */
export const amountKnown = (toy: Toy | undefined, amount: number, now = 1): Toy => ({
  ...toyLifecycle.current(toy, 'o-1', now),
  amount,
  updatedAt: now,
});

const TOYS = `CREATE TABLE toys (
     order_id TEXT PRIMARY KEY, amount INTEGER, status TEXT NOT NULL, order_cancelled INTEGER NOT NULL,
     charge_id TEXT, updated_at BIGINT NOT NULL
   );`;

export const TOY_MIGRATIONS: Migrations = { sqlite: [TOYS], postgres: [TOYS] };

interface ToyRow {
  order_id: string;
  amount: number | null;
  status: string;
  order_cancelled: number;
  charge_id: string | null;
  updated_at: number;
}

export class SqlToyStore extends SqlProviderCallStore<Toy, ToyRow> {
  protected readonly table = 'toys';
  protected readonly upsert = `
    INSERT INTO toys (order_id, amount, status, order_cancelled, charge_id, updated_at)
    VALUES (@orderId, @amount, @status, @orderCancelled, @chargeId, @updatedAt)
    ON CONFLICT (order_id) DO UPDATE SET amount = excluded.amount, status = excluded.status,
      order_cancelled = excluded.order_cancelled, charge_id = excluded.charge_id, updated_at = excluded.updated_at`;

  protected fromRow(row: ToyRow): Toy {
    return {
      orderId: row.order_id,
      amount: row.amount,
      status: row.status,
      orderCancelled: row.order_cancelled === 1,
      chargeId: row.charge_id,
      updatedAt: row.updated_at,
    };
  }

  protected toRow(toy: Toy): Record<string, unknown> {
    return { ...toy, orderCancelled: toy.orderCancelled ? 1 : 0 };
  }
}
