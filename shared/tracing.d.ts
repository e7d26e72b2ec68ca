export * from './dist/telemetry/tracing';
