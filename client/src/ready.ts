// Readiness as every process of the system reports it: GET /ready answers 200 once the process can do its
// work (the gateway: its read model has caught up; a saga service: its consumers have joined).
import { instanceUrls } from './instances';

/** True when `<url>/ready` answers 2xx; false for any other answer or no answer (down, restarting). */
export async function isReady(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    return (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false; // not listening (yet), or too slow to count as ready
  }
}

/**
 * True when every instance of a service is ready (instanceUrls of its ops URLs): a service with one
 * instance still joining its group or restarting is not whole yet.
 */
export async function serviceReady(opsUrls: string | readonly string[], timeoutMs = 2_000): Promise<boolean> {
  const instances = await instanceUrls(opsUrls);
  const ready = await Promise.all(instances.map((url) => isReady(url, timeoutMs)));
  return instances.length > 0 && ready.every(Boolean);
}
