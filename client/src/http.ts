// One JSON request, as every client call makes it: a body when there is one, the answer parsed, and any
// status other than the expected ones raised as an UnexpectedStatusError that carries the answer.
import { UnexpectedStatusError } from '@saga/shared';

export interface JsonRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The statuses that count as success; by default any 2xx. */
  expect?: readonly number[];
  timeoutMs?: number;
}

export async function requestJson<T>(request: JsonRequest): Promise<T> {
  const text = await requestText(request);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The same request, answering the body as text (a Prometheus exposition, a page). */
export async function requestText({
  method,
  url,
  body,
  headers = {},
  expect,
  timeoutMs,
}: JsonRequest): Promise<string> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(timeoutMs !== undefined && { signal: AbortSignal.timeout(timeoutMs) }),
  });
  const text = await response.text();
  const ok = expect ? expect.includes(response.status) : response.ok;
  if (!ok) throw new UnexpectedStatusError(`${method} ${url}`, response.status, text);
  return text;
}
