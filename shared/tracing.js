// `@saga/shared/tracing`: the tracing start-up alone, so a process's main.ts can start it before it
// loads anything that requires http or express (see src/telemetry/tracing.ts).
module.exports = require('./dist/telemetry/tracing');
