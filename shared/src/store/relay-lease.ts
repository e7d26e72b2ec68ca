// Which instance of a service drains its outbox. With one process per database (SQLite) it is always
// this one. With several instances on one PostgreSQL schema exactly one drains: the one holding a
// session advisory lock named after the schema. The lock lives as long as its connection, so an
// instance that dies (even by SIGKILL) frees it when the server sees the socket close, and another
// instance takes it at its next try. One drainer reading rows in id order is what keeps one order's
// events in the order they were committed (docs/scale-out.md).
import pg from 'pg';
import type { Logger } from '../log';
import { storeErrorOf } from './postgres-errors';

export interface RelayLease {
  /** Whether this instance may drain now; tries to take the lease when it does not hold it. */
  held(): Promise<boolean>;
  /** Gives the lease up (another instance takes it at its next try). */
  release(): Promise<void>;
}

/** One process owns the database: it always drains. */
export const soleRelay: RelayLease = {
  held: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};

/**
 * The lease as a PostgreSQL session advisory lock, on a connection of its own (not the pool's: a pooled
 * connection would carry the lock back to the pool). While held, the same connection LISTENs for the
 * notification every commit with outbox rows sends (pg_notify, delivered when that transaction commits),
 * so rows committed by the other instances are published at once rather than at the next poll.
 */
export class PostgresRelayLease implements RelayLease {
  private client: pg.Client | undefined;
  private holding = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly onCommitted: () => void,
  ) {}

  async held(): Promise<boolean> {
    if (this.holding) return true;
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ held: boolean; channel: string }>(
        "SELECT pg_try_advisory_lock(hashtext(current_schema() || '.outbox-relay')) AS held, current_schema() || '.outbox' AS channel",
      );
      const [{ held, channel } = { held: false, channel: '' }] = rows;
      if (held) {
        await client.query(`LISTEN "${channel}"`);
        this.holding = true;
        this.logger.info('this instance now publishes the outbox');
      }
      return held;
    } catch (error) {
      await this.drop();
      throw storeErrorOf(error);
    }
  }

  async release(): Promise<void> {
    await this.drop();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', () => this.onCommitted());
    client.on('error', (error) => {
      // The session, and with it the lock, is gone: stop draining until it is taken again.
      this.logger.warn({ err: error }, 'outbox relay lease lost');
      void this.drop();
    });
    client.on('end', () => {
      if (this.client === client) void this.drop();
    });
    this.client = client;
    await client.connect();
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.holding = false;
    await client?.end().catch((error: unknown) => this.logger.debug({ err: error }, 'closing the lease connection'));
  }
}
