// Structured JSON logs (pino). Context travels in child loggers (service, correlationId, eventId,
// topic, partition, offset), never in concatenated strings. A line written while a span is active
// carries its traceId and spanId, so a log line leads to the order's trace in the viewer. Secret fields
// (the payment token) are written as the redaction marker wherever a line carries a record or command.
import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { REDACTED, SECRET_LOG_PATHS } from './redaction';

export type { Logger };

function activeSpanIds(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span ? { traceId: span.traceId, spanId: span.spanId } : {};
}

export function createLogger(
  service: string,
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: activeSpanIds,
    redact: { paths: [...SECRET_LOG_PATHS], censor: REDACTED },
  };
  return destination ? pino(options, destination) : pino(options);
}
