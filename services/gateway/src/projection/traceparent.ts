// The W3C Trace Context `traceparent` header (https://www.w3.org/TR/trace-context/#traceparent-header),
// which every record of an order carries: the projection keeps the order's trace id from it, so
// GET /orders/{id} can point at the order's trace. Only version 00 is read; an invalid header means
// "no trace", never an error, so a record from before tracing or from another producer projects as before.
import type { EventContext } from '@saga/shared';

export interface TraceParent {
  /** 32 lowercase hex digits: the trace the record belongs to. */
  traceId: string;
  /** 16 lowercase hex digits: the span that produced it. */
  spanId: string;
  /** 2 hex digits (01: sampled). */
  flags: string;
}

const VERSION_00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

/** The parts of a version-00 `traceparent`, or undefined if it is not one (all-zero ids are invalid). */
export function parseTraceparent(value: string): TraceParent | undefined {
  const match = VERSION_00.exec(value);
  if (!match) return undefined;
  const [, traceId = '', spanId = '', flags = ''] = match;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, flags };
}

/** The trace id of a consumed record's `traceparent` header; undefined without a valid one. */
export function traceIdOf(headers: EventContext['headers']): string | undefined {
  const header = headers?.traceparent;
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined ? undefined : parseTraceparent(value.toString())?.traceId;
}
