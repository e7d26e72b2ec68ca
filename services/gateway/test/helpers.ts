// Test helpers for the gateway's tests: records with envelopes, and the real HTTP app on a free port
// with a fake publisher and the real stores, on in-memory SQLite or on given databases (no Kafka).
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  SagaMetrics,
  SqliteDatabase,
  TokenIssuer,
  TokenVerifier,
  close,
  createLogger,
  listen,
  loadConfig,
  tokenIssuerSettings,
  tokenVerifierSettings,
  type Role,
  type EventMap,
  type OutgoingEvent,
  type ReadinessCheck,
  type StockLevelChanged,
} from '@saga/shared';
import { createApp } from '../src/app';
import type { GatewayDatabases } from '../src/databases';
import { IDEMPOTENCY_MIGRATIONS, SqlIdempotencyStore } from '../src/idempotency';
import type { OrderHistorySource } from '../src/order-history';
import type { LogPosition, OrderEventType, OrderRecord } from '../src/projection/orders';
import { ReadModel, type ProjectedRecord } from '../src/projection/read-model';
import { ProjectionStore, READ_MODEL_MIGRATIONS } from '../src/projection/store';

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

/** `record` as the projection hands it to the read model: read at `position`. */
export const projected = (record: OrderRecord, position: LogPosition): ProjectedRecord => ({ ...record, at: position });

/** A StockLevelChanged as the projection hands it to the read model. */
export const stockLevel = (event: StockLevelChanged, position = at('inventory.stock')): ProjectedRecord => ({
  type: 'StockLevelChanged',
  event,
  at: position,
});

/** The read model on an in-memory SQLite database of its own. */
export function memoryReadModel(): { readModel: ReadModel; database: SqliteDatabase } {
  const database = new SqliteDatabase(':memory:', READ_MODEL_MIGRATIONS.sqlite);
  return { readModel: new ReadModel(new ProjectionStore(database)), database };
}

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

/** The development issuer and a verifier of its tokens, as the gateway is configured by default. */
export const testIssuer = new TokenIssuer(loadConfig(tokenIssuerSettings, {}));
export const testVerifier = new TokenVerifier(loadConfig(tokenVerifierSettings, {}));

/** An Authorization header for `subject` with `roles`. */
export const bearer = async (subject: string, ...roles: Role[]): Promise<Record<string, string>> => ({
  authorization: `Bearer ${await testIssuer.issue(subject, roles)}`,
});

/** Generous enough that only the rate-limit tests meet it. */
export const TEST_RATE_LIMIT = { perSecond: 1000, burst: 1000 };

export interface TestGateway {
  url: string;
  publisher: FakePublisher;
  readModel: ReadModel;
  /** Headers of an operator; request() and postJson() send customer c-1's token unless told otherwise. */
  operator: Record<string, string>;
  /** `init.headers` (a plain object) override the default customer c-1 Authorization. */
  request(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** Stores on in-memory SQLite, unless `databases` (e.g. PostgreSQL) are given: those stay open at stop. */
function testStores(databases: GatewayDatabases | undefined) {
  if (databases) {
    return {
      readModel: new ReadModel(new ProjectionStore(databases.readModel)),
      idempotency: new SqlIdempotencyStore(databases.keys),
      close: async () => undefined,
    };
  }
  const { readModel, database: readModelDatabase } = memoryReadModel();
  const keys = new SqliteDatabase(':memory:', IDEMPOTENCY_MIGRATIONS.sqlite);
  return {
    readModel,
    idempotency: new SqlIdempotencyStore(keys),
    close: async () => {
      await Promise.all([keys.close(), readModelDatabase.close()]);
    },
  };
}

export async function startGateway(
  readiness: readonly ReadinessCheck[] = [],
  options: {
    orderHistory?: OrderHistorySource;
    consoleUrl?: string;
    databases?: GatewayDatabases;
    orderRateLimit?: { perSecond: number; burst: number };
  } = {},
): Promise<TestGateway> {
  const publisher = new FakePublisher();
  const { readModel, idempotency, close: closeStores } = testStores(options.databases);
  const app = createApp({
    logger: silentLogger,
    metrics: new SagaMetrics('gateway-test'),
    publisher,
    readModel,
    idempotency,
    orderHistory: options.orderHistory ?? { history: async () => undefined },
    projection: { rebuild: async () => undefined },
    readiness,
    consoleUrl: options.consoleUrl ?? 'http://127.0.0.1:8090',
    verifier: testVerifier,
    orderRateLimit: options.orderRateLimit ?? TEST_RATE_LIMIT,
  });
  const server: Server = await listen(app, 0);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const customer = await bearer('c-1', 'customer');
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { ...customer, ...(init.headers as Record<string, string>) } });
  return {
    url,
    publisher,
    readModel,
    operator: await bearer('ops-1', 'operator'),
    request,
    postJson: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    stop: async () => {
      await close(server);
      await closeStores();
    },
  };
}
