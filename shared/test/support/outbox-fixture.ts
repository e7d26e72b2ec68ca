// A service database with the inbox and outbox on a real file, for the messaging integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDatabase, type OutboxRecord } from '@saga/shared';
import { MESSAGING_MIGRATION, MessagingTables } from '../../src/store/messaging-tables';

export function openServiceDatabase(): { database: SqliteDatabase; tables: MessagingTables } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-messaging-'));
  const database = new SqliteDatabase(path.join(dir, 'service.sqlite'), [MESSAGING_MIGRATION]);
  return { database, tables: new MessagingTables(database.db) };
}

/** An outbox row for `topic` whose header says when it was committed. */
export function outboxRecord(topic: string, name: string): OutboxRecord {
  return {
    eventId: name,
    eventType: 'OrderConfirmed',
    topic,
    key: name,
    value: Buffer.from(name),
    headers: { 'committed-at': String(Date.now()) },
  };
}

export function unpublished(tables: MessagingTables, database: SqliteDatabase): Promise<number> {
  return database.read(() => tables.unpublished());
}
