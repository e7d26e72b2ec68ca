// Calls to the console's own API (/api/...), the page's only origin: it reads and acts on the system on
// the page's behalf. A problem+json answer becomes an Error whose message is the problem's detail.
export async function request(method, url, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
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
