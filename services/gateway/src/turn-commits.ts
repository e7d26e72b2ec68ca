// The store writes of one event-loop turn in one transaction, on either engine: each caller's work is
// a unit of SqlDatabase.commitGroup (a savepoint of its own), so concurrent requests, and the projection
// with them, share a commit instead of taking one each, and one unit's failure stays its own. Built on
// TurnBatch, so one group commits at a time and what arrives meanwhile waits for the next: a store's
// writes never run concurrently with each other in this process, which the read model's
// read-modify-write of an order relies on (one gateway; see databases.ts for what two would need).
import { InvariantError, type GroupOutcome, type SqlDatabase } from '@saga/shared';
import { TurnBatch } from './turn-batch';

interface Unit {
  work: () => Promise<unknown> | unknown;
  outcome?: GroupOutcome<unknown>;
}

export class TurnCommits {
  private readonly units: TurnBatch<Unit>;

  constructor(db: SqlDatabase) {
    this.units = new TurnBatch(async (units) => {
      const outcomes = await db.commitGroup(units.map((unit) => unit.work));
      outcomes.forEach((outcome, index) => {
        const unit = units[index];
        if (unit) unit.outcome = outcome;
      });
    });
  }

  /**
   * Runs `work` in the turn's transaction and resolves with its result once that has committed; rejects
   * with what `work` threw (only its own writes are rolled back) or with what failed the whole commit.
   * On SQLite `work` may await only the store's own calls: the transaction never waits on I/O.
   */
  async commit<T>(work: () => Promise<T> | T): Promise<T> {
    const unit: Unit = { work };
    await this.units.add(unit);
    const { outcome } = unit;
    if (outcome?.kind === 'committed') return outcome.value as T;
    if (outcome?.kind === 'failed') throw outcome.error;
    throw new InvariantError('a unit of the turn was not run');
  }
}
