// The trace viewer (Zipkin) as the system's callers read it: where a trace is shown, and its spans from
// the v2 API, waited for until every expected service has reported (services send spans in batches, a
// few seconds after the work), so a scenario or a test can walk one order's trace hop by hop.
import { eventually } from './eventually';
import { requestJson } from './http';

/** A span as Zipkin's v2 API answers it (the fields the clients use). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  /** Start, µs since epoch. */
  timestamp?: number;
  /** µs. */
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

export const serviceOf = (span: ZipkinSpan): string => span.localEndpoint?.serviceName ?? 'unknown';

export class ZipkinClient {
  constructor(readonly url: string) {}

  /** The trace's page in the Zipkin UI. */
  traceUrl = (traceId: string): string => `${this.url}/zipkin/traces/${traceId}`;

  /** GET /api/v2/trace/{traceId}: every span reported so far (404 until the first one is). */
  trace = (traceId: string) => requestJson<ZipkinSpan[]>({ method: 'GET', url: `${this.url}/api/v2/trace/${traceId}` });

  /** Waits until the trace holds a span of each of `services`, and answers all its spans. */
  traceWith(traceId: string, services: readonly string[], timeoutMs = 30_000): Promise<ZipkinSpan[]> {
    return this.traceUntil(
      traceId,
      (spans) => {
        const reported = new Set(spans.map(serviceOf));
        return services.every((service) => reported.has(service));
      },
      timeoutMs,
    );
  }

  /** Waits until `complete` holds for the trace's spans, and answers them. */
  traceUntil(traceId: string, complete: (spans: ZipkinSpan[]) => boolean, timeoutMs = 30_000): Promise<ZipkinSpan[]> {
    return eventually(
      async () => {
        const spans = await this.trace(traceId);
        return complete(spans) ? spans : undefined;
      },
      timeoutMs,
      500,
    );
  }
}
