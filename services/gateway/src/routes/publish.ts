// How routes send commands: the commands of the requests handled in one event-loop turn, or while the
// previous produce awaited its acks, go to Kafka in one produce (TurnBatch: one sendBatch, acks from all
// in-sync replicas, the idempotent producer), counted. Each request waits for the ack of the produce
// carrying its record; a failed produce becomes a retriable 503 for every request in it. Coalescing
// lives here, not in EventPublisher: only the gateway produces from request handlers; the services'
// outbox relays already send what they read in batches.
import { traceHeaders, type EventPublisher, type Logger, type OutgoingEvent, type SagaMetrics } from '@saga/shared';
import { HttpProblem } from '../problem';
import { TurnBatch } from '../turn-batch';

/** The slice of EventPublisher routes use, so tests can pass a fake. */
export type Publisher = Pick<EventPublisher, 'publish'>;

export type SendCommand = (command: OutgoingEvent, log: Logger) => Promise<void>;

export function commandSender(publisher: Publisher, metrics: SagaMetrics): SendCommand {
  // A failed produce fails every request in it. A broker that cannot be reached or refuses the request
  // writes none of it. The exception, also logged by kafkajs: a broker that keeps refusing one partition
  // through every retry while writing the others (the request is per broker, the append per partition).
  const produces = new TurnBatch<OutgoingEvent>(async (commands) => {
    await publisher.publish(commands);
    for (const command of commands) metrics.produced.inc({ type: command.type });
  });
  return async (command, log) => {
    try {
      // The request's trace context now: the produce that carries the command runs later, for many requests.
      await produces.add({ ...command, headers: { ...traceHeaders(), ...command.headers } });
    } catch (error) {
      log.error({ err: error, commandType: command.type }, 'command could not be published');
      throw new HttpProblem(
        'unavailable',
        `the ${command.type} command could not be published; nothing was changed, retry the request`,
        { retryAfterSeconds: 1 },
        { cause: error },
      );
    }
    log.debug({ commandType: command.type, eventId: command.value.envelope.eventId }, 'command published');
  };
}
