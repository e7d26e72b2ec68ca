// Structured JSON logs (pino). Context travels in child loggers (service, correlationId, eventId,
// topic, partition, offset), never in concatenated strings.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
