// The fake external systems' front door for other workspaces: the trigger values that steer an order
// to each outcome, and the apps, for tests that run a provider in process.
export * from './triggers';
export type { Faults } from './faults';
export { createPaymentProviderApp } from './payment-app';
export { createCarrierApp } from './carrier-app';
export { listen, providerSettings, type RunningProvider } from './serve';
