// @saga/client: the one client of the system's public HTTP interfaces (the gateway's REST API, the fake
// providers' records and switches, the services' ops ports, the trace viewer), used by the workshop
// scenarios, the console, the benchmark and the tests.
export * from './credentials';
export * from './endpoints';
export * from './eventually';
export * from './gateway-client';
export * from './http';
export * from './instances';
export * from './metrics';
export * from './order-requests';
export * from './providers-client';
export * from './ready';
export * from './system-clients';
export * from './trace-hops';
export * from './views';
export * from './zipkin-client';
