// How a stopping process exports the spans still batched, without loading the OpenTelemetry SDK into
// every process and test that never starts tracing: tracing.ts registers its shutdown here.
let flush: (() => Promise<void>) | undefined;

export function onTracingFlush(shutdown: () => Promise<void>): void {
  flush = shutdown;
}

/** Exports the batched spans and stops tracing; nothing when tracing never started. */
export async function flushTracing(): Promise<void> {
  const pending = flush;
  flush = undefined;
  await pending?.();
}
