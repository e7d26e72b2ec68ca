// How routes send commands: one publish, counted; a failure becomes a retriable 503 for the client.
import type { EventPublisher, Logger, OutgoingEvent, SagaMetrics } from '@saga/shared';
import { HttpProblem } from '../problem';

/** The slice of EventPublisher routes use, so tests can pass a fake. */
export type Publisher = Pick<EventPublisher, 'publish'>;

export type SendCommand = (command: OutgoingEvent, log: Logger) => Promise<void>;

export const commandSender =
  (publisher: Publisher, metrics: SagaMetrics): SendCommand =>
  async (command, log) => {
    try {
      await publisher.publish([command]);
    } catch (error) {
      log.error({ err: error, commandType: command.type }, 'command could not be published');
      throw new HttpProblem(
        'unavailable',
        `the ${command.type} command could not be published; nothing was changed, retry the request`,
        { retryAfterSeconds: 1 },
        { cause: error },
      );
    }
    metrics.produced.inc({ type: command.type });
    log.info({ commandType: command.type, eventId: command.value.envelope.eventId }, 'command published');
  };
