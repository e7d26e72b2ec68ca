// Calls an external provider's HTTP API with a timeout. Outages (network errors, timeouts, 5xx,
// 429) become retriable ProviderUnavailableErrors; the caller maps business answers (a decline, a
// refused address) from the status it gets back.
import { ProviderUnavailableError } from '../errors';
import type { ProviderBreaker } from './circuit-breaker';

export interface ProviderResponse<T = unknown> {
  status: number;
  body: T;
}

/** Calls through `breaker` when given, so outages open it and an open one fails fast. */
export function callProvider<T = unknown>(
  provider: string,
  url: string,
  init: { method: 'GET' | 'POST' | 'DELETE'; body?: unknown },
  timeoutMs: number,
  breaker?: ProviderBreaker,
): Promise<ProviderResponse<T>> {
  const call = () => request<T>(provider, url, init, timeoutMs);
  return breaker ? breaker.call(call) : call();
}

async function request<T>(
  provider: string,
  url: string,
  init: { method: 'GET' | 'POST' | 'DELETE'; body?: unknown },
  timeoutMs: number,
): Promise<ProviderResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new ProviderUnavailableError(
      `${provider} unreachable at ${init.method} ${url}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const text = await response.text();
  if (response.status >= 500 || response.status === 429) {
    throw new ProviderUnavailableError(
      `${provider} answered ${response.status} to ${init.method} ${url}: ${text.slice(0, 200)}`,
    );
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: hand the caller the raw text
  }
  return { status: response.status, body: body as T };
}
