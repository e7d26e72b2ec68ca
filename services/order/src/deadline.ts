// The saga deadline: a PENDING order not terminal within ORDER_TIMEOUT_MS is cancelled as TIMED_OUT,
// which triggers the same compensation as any other failure. Checked by polling the store's deadline
// projection (order_deadlines), so deadlines survive a restart of the service.
import { ConcurrentAppendError, withRecordTrace, type Logger, type ServiceMessaging } from '@saga/shared';
import { cancel } from './domain/order';
import { applyDecision } from './handlers/apply-decision';
import type { OrderStore } from './store';

export class DeadlineWatcher {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: OrderStore,
    private readonly messaging: Pick<ServiceMessaging, 'act'>,
    private readonly logger: Logger,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sweeping = this.sweeping
        .then(() => this.sweep())
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'deadline sweep failed; will retry');
        });
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(now: number = Date.now()): Promise<void> {
    for (const orderId of await this.store.overdue(now, 100)) {
      const cause = { correlationId: orderId, causationId: `deadline:${orderId}` };
      // applyDecision reads the stream under the order's lock: an event may have settled it since the query.
      // Every instance sweeps; the stream's version check lets one of them time the order out, once.
      try {
        // In the order's own trace: its timeout and the compensation after it belong with the rest.
        await withRecordTrace('order deadline', await this.store.firstHeaders(orderId), () =>
          this.messaging.act(cause, (context) =>
            applyDecision(this.store, orderId, (order) => cancel(order, 'TIMED_OUT'), context),
          ),
        );
      } catch (error) {
        if (!(error instanceof ConcurrentAppendError)) throw error;
        this.logger.debug({ correlationId: orderId }, 'another instance settled the order first');
        continue;
      }
      this.logger.warn({ correlationId: orderId }, 'order timed out');
    }
  }
}
