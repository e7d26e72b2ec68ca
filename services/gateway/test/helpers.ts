// Test helpers for the gateway's unit tier: records with envelopes, and the real HTTP app on a free
// port with a fake publisher, the real read model and an in-memory idempotency store (no Kafka).
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  SagaMetrics,
  SqliteDatabase,
  close,
  createLogger,
  listen,
  type EventMap,
  type OutgoingEvent,
  type ReadinessCheck,
} from '@saga/shared';
import { createApp } from '../src/app';
import { IDEMPOTENCY_MIGRATIONS, SqliteIdempotencyStore } from '../src/idempotency';
import type { OrderHistorySource } from '../src/order-history';
import type { LogPosition, OrderEventType, OrderRecord } from '../src/projection/orders';
import { ReadModel } from '../src/projection/read-model';

export const silentLogger = createLogger('gateway-test', 'silent');

/** A record of `type` as a producer would write it; `occurredAt` defaults to a fixed instant. */
export function record<T extends keyof EventMap>(
  type: T,
  body: Omit<EventMap[T], 'envelope'>,
  envelope: Partial<EventMap[T]['envelope']> = {},
): EventMap[T] {
  return {
    envelope: {
      eventId: randomUUID(),
      occurredAt: Date.UTC(2025, 0, 1, 12, 0, 0),
      correlationId: (body as { orderId?: string }).orderId ?? 'n/a',
      causationId: randomUUID(),
      producer: 'test',
      ...envelope,
    },
    ...body,
  } as EventMap[T];
}

export const orderRecord = <T extends OrderEventType>(type: T, event: EventMap[T]) => ({ type, event }) as OrderRecord;

let nextOffset = 0;
export const at = (topic: string, offset = nextOffset++, partition = 0): LogPosition => ({ topic, partition, offset });

export const validOrder = () => ({
  customerId: 'c-1',
  items: [{ sku: 'SKU-001', quantity: 2 }],
  paymentMethod: { token: 'tok_visa' },
  shippingAddress: { name: 'Ada', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
});

/** Records what routes publish; `failWith` makes the next publishes throw, as a broker outage would. */
export class FakePublisher {
  readonly published: OutgoingEvent[] = [];
  failWith: Error | undefined;

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.published.push(...events);
  }
}

export interface TestGateway {
  url: string;
  publisher: FakePublisher;
  readModel: ReadModel;
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export async function startGateway(
  readiness: readonly ReadinessCheck[] = [],
  options: { orderHistory?: OrderHistorySource; consoleUrl?: string } = {},
): Promise<TestGateway> {
  const publisher = new FakePublisher();
  const readModel = new ReadModel();
  const database = new SqliteDatabase(':memory:', IDEMPOTENCY_MIGRATIONS);
  const app = createApp({
    logger: silentLogger,
    metrics: new SagaMetrics('gateway-test'),
    publisher,
    readModel,
    idempotency: new SqliteIdempotencyStore(database),
    orderHistory: options.orderHistory ?? { history: async () => undefined },
    projection: { rebuild: async () => undefined },
    readiness,
    consoleUrl: options.consoleUrl ?? 'http://127.0.0.1:8090',
  });
  const server: Server = await listen(app, 0);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const request = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
  return {
    url,
    publisher,
    readModel,
    request,
    postJson: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    stop: async () => {
      await close(server);
      database.close();
    },
  };
}
