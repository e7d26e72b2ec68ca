// One partition's fetched batch in flight. Each record's handler runs as a task, and its commits are
// grouped: a task that commits parks, and once no task can go on without a commit (every started one
// is parked or finished), the parked units are committed together in one store transaction, in offset
// order. A CPU-only handler parks once, so a batch of them costs one transaction; a handler that makes
// a provider call parks for its intent, calls (concurrently with the other orders' calls), then parks
// for its result: two transactions for the whole batch.
//
// The per-record guarantees, and what keeps each:
// - one order's records in offset order: a record starts only once the one before it with the same key
//   has finished (`chains`), so it reads the state that one left;
// - commits in offset order: a flush takes only the units of records before the first one not yet
//   started, so a record's effects never land before an earlier record's;
// - a retriable failure stops the batch at its record: units after it are abandoned (never committed),
//   records after it never start, and those before it still finish; the consumer retries from it;
// - a permanent failure is the record's alone: the consumer dead-letters it and the batch goes on.
import { SagaError, ErrorCodes, InvariantError, isRetriable } from '../errors';
import type { GroupOutcome } from '../store/sql-database';

/** A record after the batch's stopping record: its work was not applied and it will be fetched again. */
export class AbandonedError extends SagaError {
  readonly code = ErrorCodes.INVARIANT_BROKEN;
  readonly retriable = true;
  constructor(index: number, stoppedAt: number) {
    super(`record ${index} of the batch abandoned: record ${stoppedAt} before it is held back for a retry`);
  }
}

/** How a task ended: handled (or dead-lettered), held back for a retry, or abandoned behind one that was. */
export type TaskOutcome = 'done' | 'held' | 'abandoned';

/** Commits the units of one flush in one transaction; see SqliteDatabase.commitGroup. */
export type CommitUnits = (
  works: ReadonlyArray<() => unknown>,
  stopsGroup: (error: unknown) => boolean,
) => Promise<GroupOutcome<unknown>[]>;

interface Parked {
  index: number;
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** One record's handling: resolves with what became of it, having settled any failure itself. */
export type Task = (index: number, committer: BatchCommitter) => Promise<TaskOutcome>;

/** What a task gets to commit through: its units join the batch's next flush. */
export interface BatchCommitter {
  commit<R>(work: () => Promise<R> | R): Promise<R>;
}

export class BatchRun {
  private active = 0;
  private parked: Parked[] = [];
  private flushing = false;
  private stoppedAt = Number.POSITIVE_INFINITY;
  private readonly outcomes: (TaskOutcome | undefined)[];
  /** Records waiting for an earlier record of their key; the lowest of them bounds every flush. */
  private readonly waiting = new Set<number>();
  /** For each record, the next record of the same key in the batch. */
  private readonly next = new Map<number, number>();
  private finished = 0;
  private done: (() => void) | undefined;
  /** A task that threw instead of settling its record: a bug, reported by run() once the rest finished. */
  private broken: unknown;
  private task: Task = () => Promise.resolve('done');

  constructor(
    private readonly keys: readonly string[],
    private readonly commitUnits: CommitUnits,
  ) {
    this.outcomes = keys.map(() => undefined);
  }

  /**
   * Runs `task` for every record (index into `keys`) and resolves with how many records from the start
   * of the batch are done: their offsets may be resolved; the rest are fetched again.
   */
  async run(task: Task): Promise<number> {
    if (this.keys.length === 0) return 0;
    this.task = task;
    const last = new Map<string, number>();
    const first: number[] = [];
    this.keys.forEach((key, index) => {
      const previous = last.get(key);
      if (previous === undefined) first.push(index);
      else {
        this.next.set(previous, index);
        this.waiting.add(index);
      }
      last.set(key, index);
    });
    const all = new Promise<void>((resolve) => (this.done = resolve));
    // Counted as one running task while the first ones start, so the first to park does not flush alone.
    this.active += 1;
    for (const index of first) this.start(index);
    this.active -= 1;
    this.flushIfStill();
    await all;
    if (this.broken !== undefined) throw this.broken;
    const stop = this.outcomes.findIndex((outcome) => outcome !== 'done');
    return stop === -1 ? this.keys.length : stop;
  }

  private start(index: number): void {
    this.waiting.delete(index);
    if (index > this.stoppedAt) return this.finish(index, 'abandoned');
    this.active += 1;
    const committer: BatchCommitter = { commit: (work) => this.park(index, work) };
    this.task(index, committer).then(
      (outcome) => this.end(index, outcome),
      // A task settles failures itself (dead letter or hold); one that throws is a bug in the runtime.
      (error: unknown) => {
        this.broken ??= error;
        this.end(index, 'held');
      },
    );
  }

  private end(index: number, outcome: TaskOutcome): void {
    this.active -= 1;
    this.finish(index, outcome);
    this.flushIfStill();
  }

  private finish(index: number, outcome: TaskOutcome): void {
    this.outcomes[index] = outcome;
    if (outcome === 'held' && index < this.stoppedAt) this.stoppedAt = index;
    this.finished += 1;
    // The next record of this key starts before this one counts as gone, so a flush does not run
    // between the two when that record could still join it.
    const successor = this.next.get(index);
    if (successor !== undefined) this.start(successor);
    if (this.finished === this.keys.length) this.done?.();
  }

  private park<R>(index: number, work: () => Promise<R> | R): Promise<R> {
    if (index > this.stoppedAt) return Promise.reject(new AbandonedError(index, this.stoppedAt));
    return new Promise<R>((resolve, reject) => {
      this.parked.push({ index, work, resolve: resolve as (value: unknown) => void, reject });
      this.active -= 1;
      this.flushIfStill();
    });
  }

  /** Flushes once no started task can go on: every one is parked or finished. */
  private flushIfStill(): void {
    if (this.active > 0 || this.flushing || this.parked.length === 0) return;
    void this.flush();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    const bound = Math.min(this.stoppedAt, ...this.waiting);
    const ready = this.parked.filter((unit) => unit.index < bound).sort((a, b) => a.index - b.index);
    const abandoned = this.parked.filter((unit) => unit.index > this.stoppedAt);
    this.parked = this.parked.filter((unit) => unit.index >= bound && unit.index <= this.stoppedAt);
    if (ready.length === 0 && abandoned.length === 0) {
      // Cannot happen: the first waiting record's predecessor is parked and before it. Fail, never spin.
      const stuck = new InvariantError(`batch stuck: units parked behind waiting record ${bound}`);
      for (const unit of this.parked) abandoned.push({ ...unit, reject: () => unit.reject(stuck) });
      this.parked = [];
    }
    let outcomes: GroupOutcome<unknown>[];
    try {
      outcomes =
        ready.length > 0
          ? await this.commitUnits(
              ready.map((unit) => unit.work),
              isRetriable,
            )
          : [];
    } catch (error) {
      outcomes = ready.map(() => ({ kind: 'failed', error }));
    }
    this.flushing = false;
    const wake: Array<() => void> = [];
    const stoppedBy = ready.find((_, i) => {
      const outcome = outcomes[i];
      return outcome?.kind === 'failed' && isRetriable(outcome.error);
    })?.index;
    ready.forEach((unit, i) => {
      const outcome = outcomes[i] ?? { kind: 'skipped' };
      if (outcome.kind === 'committed') wake.push(() => unit.resolve(outcome.value));
      else if (outcome.kind === 'failed') wake.push(() => unit.reject(outcome.error));
      else wake.push(() => unit.reject(new AbandonedError(unit.index, stoppedBy ?? this.stoppedAt)));
    });
    for (const unit of abandoned) wake.push(() => unit.reject(new AbandonedError(unit.index, this.stoppedAt)));
    this.active += wake.length;
    for (const resume of wake) resume();
    // Units left parked (behind a record that had not started) may be all that is left.
    this.flushIfStill();
  }
}
