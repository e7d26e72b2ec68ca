// Tells when the projection has caught up: its group's committed offsets, or the read model's own
// applied offsets, have reached the end offsets the topics had when it started. Committed offsets (not
// handler calls) are compared because they also advance past dead-lettered records and transaction
// markers, which no handler sees; applied offsets because a restart resumes from them and reads nothing,
// so nothing would move the group's offsets if its last commit before the stop was lost (seen in CI: a
// restart with nothing to read ready only after 15 s).
import type { Logger, OffsetSource, PartitionOffset, PartitionRange } from '@saga/shared';

export type { OffsetSource, PartitionOffset, PartitionRange };

export function isCaughtUp(targets: readonly PartitionRange[], committed: readonly PartitionOffset[]): boolean {
  return targets.every(({ topic, partition, low, high }) => {
    if (high <= low) return true; // nothing retained: nothing to read
    const position = committed.find((c) => c.topic === topic && c.partition === partition)?.offset ?? -1;
    return position >= high;
  });
}

/** Each target partition's position: the further of the group's committed offset and the applied one. */
function furthest(
  targets: readonly PartitionRange[],
  committed: readonly PartitionOffset[],
  applied: (topic: string, partition: number) => number | undefined,
): PartitionOffset[] {
  return targets.map(({ topic, partition }) => {
    const commit = committed.find((c) => c.topic === topic && c.partition === partition)?.offset ?? -1;
    return { topic, partition, offset: Math.max(commit, applied(topic, partition) ?? -1) };
  });
}

/** Polls the group's committed offsets (and the read model's applied ones) until they reach the starting end offsets; then stays caught up. */
export class CatchUpWatch {
  private caughtUp = false;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly source: OffsetSource,
    private readonly logger: Logger,
    private readonly pollMs = 500,
    /** The read model's next offset of a partition, where it resumes after a restart. */
    private readonly applied: (topic: string, partition: number) => number | undefined = () => undefined,
  ) {}

  isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** Takes the targets now — call before the consumer starts — and watches in the background. */
  async start(groupId: string, topics: readonly string[]): Promise<void> {
    const targets = await this.source.ranges(topics);
    this.running = true;
    this.loop = this.watch(groupId, topics, targets, Date.now());
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async watch(groupId: string, topics: readonly string[], targets: PartitionRange[], since: number) {
    while (this.running && !this.caughtUp) {
      try {
        const committed = await this.source.committed(groupId, topics);
        this.caughtUp = isCaughtUp(targets, furthest(targets, committed, this.applied));
      } catch (error) {
        this.logger.warn({ err: error }, 'could not read the projection offsets; will retry');
      }
      if (!this.caughtUp) await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
    if (this.caughtUp) {
      const records = targets.reduce((sum, { low, high }) => sum + Math.max(0, high - low), 0);
      this.logger.info({ records, durationMs: Date.now() - since }, 'projection caught up');
    }
  }
}
