// Starts OpenTelemetry tracing for one process: the Node SDK, configured by the standard OTEL_*
// variables, with the HTTP server/client instrumentations (http, express, undici for fetch) and W3C
// trace context. Kafka spans are not an instrumentation's: the runtime makes them per record
// (record-spans.ts), because kafkajs' instrumentation would parent a whole batched send under one
// context and lose every trace at the outbox, where the relay publishes long after the handler ran.
//
// Must run before anything requires http or express: the instrumentations patch modules as they load.
// A process's main.ts therefore calls it first, through '@saga/shared/tracing', which loads nothing else.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { envDetector } from '@opentelemetry/resources';
import { onTracingFlush } from './flush';

/** Paths polled by machines (readiness, Prometheus, the console's scrapes): one trace each would bury the orders'. */
const UNTRACED_PATHS = ['/ready', '/live', '/health', '/metrics'];

const untraced = (path: string | undefined) => UNTRACED_PATHS.some((prefix) => path?.startsWith(prefix) ?? false);

let sdk: NodeSDK | undefined;

/**
 * Starts tracing as `serviceName` unless OTEL_SDK_DISABLED=true. Defaults that differ from the SDK's:
 * spans go to Zipkin (OTEL_TRACES_EXPORTER=zipkin, at OTEL_EXPORTER_ZIPKIN_ENDPOINT, default
 * http://localhost:9411/api/v2/spans), and no OpenTelemetry metrics or logs (Prometheus and pino
 * already carry those; every log line written under a span names it, see log.ts).
 */
export function startTracing(serviceName: string): void {
  if (sdk || process.env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return;
  process.env.OTEL_TRACES_EXPORTER ??= 'zipkin';
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? serviceName,
    // Only OTEL_RESOURCE_ATTRIBUTES (the launcher's service.instance.id): Zipkin copies every resource
    // attribute onto every span, and host, OS and process details would triple each span's size.
    resourceDetectors: [envDetector],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => untraced(request.url),
        ignoreOutgoingRequestHook: (request) => untraced(request.path ?? undefined),
      }),
      // For the route in the server span's name; a span per layer would outnumber the saga's own.
      new ExpressInstrumentation({ ignoreLayersType: Object.values(ExpressLayerType) }),
      new UndiciInstrumentation({ ignoreRequestHook: (request) => untraced(request.path) }),
    ],
  });
  sdk.start();
  const started = sdk;
  onTracingFlush(() => started.shutdown());
}
