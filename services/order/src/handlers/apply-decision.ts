// Reads the order's stream, decides, and appends the decision's facts in one transaction with the inbox
// mark: the order's own events carry their Kafka record (the relay publishes them from the stream), the
// accepted ones keep the eventId they came with.
import { InvariantError, type Envelope, type HandlerContext, type UnitOfWork } from '@saga/shared';
import { isOwnEvent, type Order } from '../domain/order-events';
import type { Decision } from '../domain/order';
import type { NewEvent, OrderStore } from '../store';

export async function applyDecision(
  store: OrderStore,
  orderId: string,
  decide: (order: Order | undefined) => Decision,
  context: UnitOfWork & { envelope?: Envelope },
  log?: HandlerContext['log'],
): Promise<void> {
  const stream = await store.load(orderId);
  const decision = decide(stream.state);
  if (decision.kind === 'ignored') {
    log?.debug({ why: decision.why }, 'event changes nothing');
    await context.commit(() => undefined);
    return;
  }
  const events = decision.events.map((event): NewEvent => {
    if (isOwnEvent(event)) {
      const record = context.encode(event.type, event.body as never);
      return { event, eventId: record.eventId, record };
    }
    if (!context.envelope) throw new InvariantError(`${event.type} accepted outside a handler: it has no eventId`);
    return { event, eventId: context.envelope.eventId };
  });
  const after = await context.commit(() => store.append(stream, events));
  log?.debug(
    { status: after.status, version: stream.version + events.length, appended: events.map((e) => e.event.type) },
    'order updated',
  );
}
