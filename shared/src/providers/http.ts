// One external provider's HTTP API, as the clients of payment and shipping call it: a base URL, a
// timeout, and a breaker. Outages (network errors, timeouts, 5xx, 429) become retriable
// ProviderUnavailableErrors; the client maps business answers (a decline, a refused address) from the
// status it gets back, and anything else is a request we got wrong (ProviderRejectedError).
import { ProviderRejectedError, ProviderUnavailableError } from '../errors';
import type { ProviderBreaker } from './circuit-breaker';
import { InFlightLimit } from './in-flight-limit';

export interface ProviderResponse<T = unknown> {
  status: number;
  body: T;
}

/** Where a provider is and how to call it; calls go through `breaker` when given. */
export interface ProviderEndpoint {
  baseUrl: string;
  timeoutMs: number;
  breaker?: ProviderBreaker;
  /** Calls under way at once at most (default 32); the timeout counts from when a call leaves. */
  maxInFlight?: number;
}

const DEFAULT_MAX_IN_FLIGHT = 32;

type Method = 'GET' | 'POST';

export class ProviderApi {
  private readonly inFlight: InFlightLimit;

  /** `name` says which provider in error messages ("payment provider answered 400 to …"). */
  constructor(
    readonly name: string,
    private readonly endpoint: ProviderEndpoint,
  ) {
    this.inFlight = new InFlightLimit(endpoint.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
  }

  get<T = unknown>(path: string): Promise<ProviderResponse<T>> {
    return this.send<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ProviderResponse<T>> {
    return this.send<T>('POST', path, body);
  }

  /**
   * The call the provider made under `idempotencyKey`, from its listing at `path`; undefined if it never
   * made one. How a call in doubt is settled without making it again.
   */
  async lookup<T>(path: string, idempotencyKey: string): Promise<T | undefined> {
    const answer = await this.get<T[] | undefined>(`${path}?idempotencyKey=${encodeURIComponent(idempotencyKey)}`);
    if (answer.status !== 200 || !Array.isArray(answer.body))
      throw this.rejected(`the lookup of ${idempotencyKey}`, answer);
    return answer.body[0];
  }

  /** An answer that is no outcome of `call`: a request we got wrong, not an outage, so not retriable. */
  rejected(call: string, { status, body }: ProviderResponse): ProviderRejectedError {
    return new ProviderRejectedError(`${this.name} answered ${status} to ${call}: ${JSON.stringify(body)}`);
  }

  private send<T>(method: Method, path: string, body?: unknown): Promise<ProviderResponse<T>> {
    const { baseUrl, timeoutMs, breaker } = this.endpoint;
    const call = () => request<T>(this.name, `${baseUrl}${path}`, method, body, timeoutMs);
    return this.inFlight.run(() => (breaker ? breaker.call(call) : call()));
  }
}

async function request<T>(
  provider: string,
  url: string,
  method: Method,
  body: unknown,
  timeoutMs: number,
): Promise<ProviderResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new ProviderUnavailableError(`${provider} unreachable at ${method} ${url}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const text = await response.text();
  if (response.status >= 500 || response.status === 429) {
    throw new ProviderUnavailableError(
      `${provider} answered ${response.status} to ${method} ${url}: ${text.slice(0, 200)}`,
    );
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: hand the caller the raw text
  }
  return { status: response.status, body: parsed as T };
}
