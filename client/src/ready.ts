// Readiness as every process of the system reports it: GET /ready answers 200 once the process can do its
// work (the gateway: its read model has caught up; a saga service: its consumers have joined).

/** True when `<url>/ready` answers 2xx; false for any other answer or no answer (down, restarting). */
export async function isReady(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    return (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false; // not listening (yet), or too slow to count as ready
  }
}
