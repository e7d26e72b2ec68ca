// Calls to the gateway: the public REST API (orders, their events and history) and the console's own
// endpoints. A problem+json answer becomes an Error whose message is the problem's detail.
export async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const error = new Error(parsed?.detail ?? `${method} ${url} answered ${response.status}`);
    error.status = response.status;
    error.problem = parsed;
    throw error;
  }
  return parsed;
}

export const get = (url) => request('GET', url);
