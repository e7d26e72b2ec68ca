// What each process the launcher starts needs to export its spans: the OpenTelemetry SDK's own standard
// variables (the SDK reads them itself), naming the process and the Zipkin it sends to.

export interface Tracing {
  /** Zipkin's base URL, e.g. http://127.0.0.1:9411: spans go to its /api/v2/spans, people to its /zipkin/. */
  zipkinUrl: string;
  /** OTEL_SDK_DISABLED as the launcher was given it: 'true' turns tracing off in every process. */
  sdkDisabled?: string;
}

/**
 * `service` names the process kind (`payment`), the same for every instance, so Zipkin groups them;
 * `instance` is the launcher's process name (`payment-2`), so a span still says which process made it.
 */
export function tracingEnv(tracing: Tracing, service: string, instance: string): Record<string, string> {
  return {
    OTEL_SERVICE_NAME: service,
    OTEL_RESOURCE_ATTRIBUTES: `service.instance.id=${instance}`,
    OTEL_TRACES_EXPORTER: 'zipkin',
    OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${tracing.zipkinUrl}/api/v2/spans`,
    ...(tracing.sdkDisabled === undefined ? {} : { OTEL_SDK_DISABLED: tracing.sdkDisabled }),
  };
}
