// Where each partition of the projection resumes, kept in memory beside the applied_offsets table: the
// consumer asks synchronously, as partitions are assigned. What is committed is raised only once a
// write has committed, never ahead of the table, so a partition assigned again never skips a record
// that was not applied. Records done that no write carried (another type on a shared topic, a
// dead-lettered record) are pending until the next write takes them.
import type { LogPosition } from './orders';

/** A partition resumes at `next`: the offset after the last record done with. */
export interface Resume {
  topic: string;
  partition: number;
  next: number;
}

const keyOf = ({ topic, partition }: Pick<Resume, 'topic' | 'partition'>) => `${partition}@${topic}`;

/** Keeps the furthest position of each partition. */
function advance(positions: Map<string, Resume>, position: Resume): void {
  const key = keyOf(position);
  if (position.next > (positions.get(key)?.next ?? -1)) positions.set(key, position);
}

export class AppliedOffsets {
  private readonly committed = new Map<string, Resume>();
  private readonly pending = new Map<string, Resume>();

  /** What the table holds, as read at start. */
  load(rows: readonly Resume[]): void {
    this.committed.clear();
    for (const row of rows) advance(this.committed, row);
  }

  next(topic: string, partition: number): number | undefined {
    return this.committed.get(keyOf({ topic, partition }))?.next;
  }

  /** The record at `offset` is done with; true if that is news: no committed write covers it. */
  done(topic: string, partition: number, offset: number): boolean {
    const position = { topic, partition, next: offset + 1 };
    if (position.next <= (this.next(topic, partition) ?? -1)) return false;
    advance(this.pending, position);
    return true;
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * For a write: the positions after `applied` and those pending, one per partition, to store with it.
   * The pending ones are taken: settled() or restore() once the write is over.
   */
  take(applied: readonly LogPosition[]): { positions: Resume[]; taken: Resume[] } {
    const taken = [...this.pending.values()];
    this.pending.clear();
    const positions = new Map<string, Resume>();
    for (const { topic, partition, offset } of applied) advance(positions, { topic, partition, next: offset + 1 });
    for (const position of taken) advance(positions, position);
    return { positions: [...positions.values()], taken };
  }

  /** The write holding `positions` has committed. */
  settled(positions: readonly Resume[]): void {
    for (const position of positions) advance(this.committed, position);
  }

  /** The write failed: what it took from pending is pending again (its own records were not applied). */
  restore(taken: readonly Resume[]): void {
    for (const position of taken) advance(this.pending, position);
  }

  clear(): void {
    this.committed.clear();
    this.pending.clear();
  }
}
