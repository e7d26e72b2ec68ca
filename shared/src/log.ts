// Structured JSON logs (pino). Context travels in child loggers (service, correlationId, eventId,
// topic, partition, offset), never in concatenated strings. A line written while a span is active
// carries its traceId and spanId, so a log line leads to the order's trace in the viewer.
import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';

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
  const options = { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, mixin: activeSpanIds };
  return destination ? pino(options, destination) : pino(options);
}
