// A HandlerContext for handler unit tests that behaves like the runtime's unit of work: events the
// handler emits count only once its commit succeeds, and the commit is a real SQLite transaction.
import { createLogger, type Envelope, type EventType, type HandlerContext, type SqliteDatabase } from '@saga/shared';

export interface Emitted {
  type: EventType;
  body: unknown;
  key: string | undefined;
}

const log = createLogger('handler-test', 'silent');

export function testHandlerContext(database: SqliteDatabase, envelope: Envelope, emitted: Emitted[]): HandlerContext {
  const queued: Emitted[] = [];
  return {
    envelope,
    log,
    emit: (type, body, key) => void queued.push({ type, body, key }),
    commit: (work) =>
      database.transaction(async () => {
        const result = await work();
        emitted.push(...queued);
        return result;
      }),
  };
}
