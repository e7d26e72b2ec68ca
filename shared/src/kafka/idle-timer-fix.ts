// kafkajs 2.2.4 keeps a 1 ms timer running on every broker connection for its whole life: its
// request queue re-schedules the "any pending requests?" check after every check, and with no
// throttling in force the delay it computes is negative (Node runs that after 1 ms, and Node 24 warns).
// An idle service spent ~37 ms of CPU a second on it, and a loaded one still pays it on every
// connection: on a 2-core machine running six Node processes that is a fifth of a core for nothing.
// Upstream knows (tulios/kafkajs#1556, #1704) but kafkajs is in maintenance mode and the fix (#1667)
// was never merged, so the runtime applies the same rule here, where kafkajs is wrapped anyway:
// schedule a check only when a request is waiting or a throttle is in force. A request that has to
// wait is pushed onto the pending list and schedules its own check, and every answered request
// checks the list again, so nothing pending is ever left without a check.

interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(this: RequestQueueInternals): void;
}

type RequestQueueClass = { prototype: RequestQueueInternals };

const PATCHED = Symbol.for('saga.kafkajs.idleTimerFix');

/** True once the fix is in place (idempotent: every createKafka() calls it). */
export function applyIdleTimerFix(): boolean {
  // kafkajs ships no types for its internals; the shape is checked below before anything changes.

  const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
  const prototype = RequestQueue.prototype as RequestQueueInternals & { [PATCHED]?: true };
  if (prototype[PATCHED]) return true;
  const original = prototype.scheduleCheckPendingRequests;
  if (typeof original !== 'function') return false;
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    const throttled = this.throttledUntil > Date.now();
    if (this.pending.length === 0 && !throttled) return;
    original.call(this);
  };
  prototype[PATCHED] = true;
  return true;
}
