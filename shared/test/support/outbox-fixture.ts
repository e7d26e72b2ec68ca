// A service database with the inbox and outbox on a real file, for the messaging integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDatabase, type OutboxRecord } from '@saga/shared';
import { MESSAGING_MIGRATIONS, MessagingTables } from '../../src/store/messaging-tables';

export function openServiceDatabase(): { database: SqliteDatabase; tables: MessagingTables; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saga-messaging-'));
  const file = path.join(dir, 'service.sqlite');
  const database = new SqliteDatabase(file, MESSAGING_MIGRATIONS.sqlite);
  return { database, tables: new MessagingTables(database), file };
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

export function unpublished(tables: MessagingTables): Promise<number> {
  return tables.unpublished();
}
