// Keeps the inbox (processed_events) bounded: ids older than PROCESSED_EVENT_RETENTION_MS are
// forgotten, because by then no copy of their event is left on any topic or dead-letter topic (see
// topics.ts), so no redelivery can need them. Deletes in small transactions, so a prune never holds
// the write lock long enough to delay a handler's commit noticeably.
import type { Logger } from '../log';
import type { MessagingTables } from '../store/messaging-tables';
import type { SqlDatabase } from '../store/sql-database';
import { PROCESSED_EVENT_RETENTION_MS } from '../topics';

const BATCH = 1_000;
const EVERY_MS = 60 * 60 * 1000;

/** Deletes every inbox row recorded before `now - retentionMs`; returns how many. */
export async function pruneInbox(
  db: SqlDatabase,
  tables: MessagingTables,
  now: number = Date.now(),
  retentionMs: number = PROCESSED_EVENT_RETENTION_MS,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.transaction(() => tables.pruneProcessed(now - retentionMs, BATCH));
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Prunes now and then hourly; returns the function that stops it. */
export function pruneInboxPeriodically(db: SqlDatabase, tables: MessagingTables, log: Logger): () => void {
  const prune = () => {
    pruneInbox(db, tables).then(
      (deleted) => {
        if (deleted > 0) log.info({ deleted }, 'forgot processed event ids past retention');
      },
      (error: unknown) => log.error({ err: error }, 'pruning the inbox failed; next try in an hour'),
    );
  };
  prune();
  const timer = setInterval(prune, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
