// The gateway's own metric beside the shared SagaMetrics: requests by route pattern and status.
import { Counter } from 'prom-client';
import { MetricNames, type SagaMetrics } from '@saga/shared';

export type HttpRequestCounter = Counter<'route' | 'status'>;

export function httpRequestCounter(metrics: SagaMetrics): HttpRequestCounter {
  return new Counter({
    name: MetricNames.httpRequests,
    help: 'HTTP requests answered, by route pattern (not raw path, to bound cardinality) and status',
    labelNames: ['route', 'status'],
    registers: [metrics.registry],
  });
}
