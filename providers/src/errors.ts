// The errors the fake providers answer with. They are HTTP answers to the caller, not failures of this
// process, so each carries the status and the snake_case code a real provider API would send back.
export const ProviderErrorCodes = {
  INVALID_REQUEST: 'invalid_request',
  INVALID_JSON: 'invalid_json',
  NOT_FOUND: 'not_found',
  IDEMPOTENCY_KEY_REUSED: 'idempotency_key_reused',
  CHARGE_NOT_REFUNDABLE: 'charge_not_refundable',
  SHIPMENT_NOT_CANCELLABLE: 'shipment_not_cancellable',
  PROVIDER_DOWN: 'provider_down',
  INJECTED_FAILURE: 'injected_failure',
  INJECTED_REJECTION: 'injected_rejection',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  INTERNAL: 'internal_error',
} as const;

export type ProviderErrorCode = (typeof ProviderErrorCodes)[keyof typeof ProviderErrorCodes];

export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProviderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  toJSON(): { error: ProviderErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

export const invalidRequest = (message: string): ProviderError =>
  new ProviderError(400, ProviderErrorCodes.INVALID_REQUEST, message);

export const notFound = (message: string): ProviderError =>
  new ProviderError(404, ProviderErrorCodes.NOT_FOUND, message);

/** Like Stripe: a key names one request, so reusing it with different parameters is the caller's bug. */
export const idempotencyKeyReused = (key: string): ProviderError =>
  new ProviderError(
    409,
    ProviderErrorCodes.IDEMPOTENCY_KEY_REUSED,
    `idempotency key "${key}" was already used with different parameters`,
  );
