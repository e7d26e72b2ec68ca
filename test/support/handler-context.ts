// Handler component tests run through the runtime's real unit of work (ServiceMessaging): the inbox, the
// per-order lock, the transaction and the outbox, on the service's SQLite database. Only the Avro
// encoding is stood in for (the unit tier has no registry): events go to the outbox as JSON, and the
// tests read what was emitted back from the outbox, so an event counts only once its commit succeeded.
import {
  createLogger,
  EventCatalog,
  SagaMetrics,
  ServiceMessaging,
  SqliteDatabase,
  type Cause,
  type Migrations,
  type SqlDatabase,
  type EventMap,
  type EventType,
  type Outbox,
  type ServiceHandler,
  type UnitOfWork,
} from '@saga/shared';
import { MESSAGING_MIGRATIONS, MessagingTables } from '../../shared/src/store/messaging-tables';

/** The runtime's inbox and outbox tables, for a test that opens a service's database itself. */
export { MESSAGING_MIGRATIONS };

/** A service's SQLite steps after the runtime's, as ServiceRuntime applies them. */
export function sqliteSteps(migrations: Migrations): string[] {
  return [...MESSAGING_MIGRATIONS.sqlite, ...migrations.sqlite];
}

export interface Emitted {
  type: EventType;
  body: unknown;
  key: string;
}

const log = createLogger('handler-test', 'silent');

export class TestRuntime {
  readonly metrics = new SagaMetrics('handler-test');
  private readonly outbox: Outbox;
  private readonly messaging: ServiceMessaging;

  /**
   * `database` must have MESSAGING_MIGRATIONS applied, as every service's does; `outbox` is the shared
   * outbox table unless the service's store is its own outbox (the order service's event store).
   */
  constructor(
    readonly database: SqlDatabase,
    outbox?: Outbox,
  ) {
    const tables = new MessagingTables(database);
    this.outbox = outbox ?? tables;
    this.messaging = new ServiceMessaging({
      service: 'handler-test',
      db: database,
      tables,
      outbox: this.outbox,
      serde: {
        encode: (_type, value) => Buffer.from(JSON.stringify(value)),
        topicOf: (type) => EventCatalog[type].topic,
      },
      relay: { notify: () => undefined },
      metrics: this.metrics,
    });
  }

  /** Delivers `event` as the consumer would; resolves or rejects as the handler does. */
  deliver<T extends EventType>(type: T, handler: ServiceHandler<T>, event: EventMap[T]): Promise<void> {
    const consumed = { topic: EventCatalog[type].topic, partition: 0, offset: '0', schemaId: 0, groupId: 'test', log };
    return this.messaging.handle(type, handler)(event, { ...consumed, key: event.envelope.correlationId });
  }

  /** Work not triggered by an event (a seed, a timer), through the same lock, transaction and outbox. */
  act<R>(cause: Cause, work: (context: UnitOfWork) => Promise<R>): Promise<R> {
    return this.messaging.act(cause, work);
  }

  /** Every event committed so far, oldest first, with its body as the handler emitted it. */
  async emitted(): Promise<Emitted[]> {
    const rows = await this.outbox.pending(100_000);
    return rows.map((row) => {
      const { envelope: _, ...body } = JSON.parse(row.value.toString()) as Record<string, unknown>;
      return { type: row.eventType as EventType, body, key: row.key };
    });
  }
}

/**
 * A service's handlers on a database of their own (in memory unless `file` names a SQLite file, or an
 * opened database of the service's is given: an instance on PostgreSQL), through a TestRuntime:
 * `deliver` takes a handler's factory, as main.ts does, and afterwards `emitted` holds the types of
 * every event the outbox has, whether the handler succeeded or threw.
 */
export function handlerHarness<Deps>(
  migrations: Migrations,
  makeDeps: (database: SqlDatabase) => Deps,
  file: string | SqlDatabase = ':memory:',
) {
  const database = typeof file === 'string' ? new SqliteDatabase(file, sqliteSteps(migrations)) : file;
  const runtime = new TestRuntime(database);
  const deps = makeDeps(database);
  const emitted: EventType[] = [];

  async function deliver<T extends EventType>(
    type: T,
    handler: (deps: Deps) => ServiceHandler<T>,
    event: EventMap[T],
  ): Promise<void> {
    try {
      await runtime.deliver(type, handler(deps), event);
    } finally {
      emitted.splice(0, emitted.length, ...(await runtime.emitted()).map((entry) => entry.type));
    }
  }

  return { database, runtime, deps, emitted, deliver };
}
