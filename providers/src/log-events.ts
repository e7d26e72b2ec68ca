// Log-event names of the fake providers, in one place so dashboards and greps do not chase literals.
export const ProviderLogEvents = {
  REQUEST: 'provider.request',
  FAULTS_CHANGED: 'provider.faults_changed',
  LISTENING: 'provider.listening',
  STOPPING: 'provider.stopping',
  FAILED: 'provider.failed',
  UNEXPECTED_ERROR: 'provider.unexpected_error',
} as const;
