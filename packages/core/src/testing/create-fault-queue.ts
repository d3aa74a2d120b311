import { matchRequest } from './match-request';
import type { Fault, TestRequest } from './test-server-types';
import { validateFault } from './validate-fault';

/** The queue of injected faults of one test server. */
export interface FaultQueue {
  /** Validates and queues a fault (a copy: later changes to the object do not affect it). */
  add(fault: Fault): void;
  /** How many faults are queued with `times` left. */
  size(): number;
  /** Removes every fault. */
  clear(): void;
  /**
   * Picks the fault for a request and uses up one of its `times`: the first queued fault that matches,
   * has `times` left and wins its `probability` roll (rolled only when below 1). `undefined` if none.
   */
  take(request: TestRequest): Fault | undefined;
}

/** Creates an empty fault queue that rolls probabilities with `random`. */
export function createFaultQueue(random: () => number): FaultQueue {
  let entries: { fault: Fault; remaining: number }[] = [];
  return {
    add(fault) {
      validateFault(fault);
      const copy: Fault = {
        ...fault,
        match: fault.match === undefined ? undefined : { ...fault.match },
        headers: fault.headers === undefined ? undefined : { ...fault.headers },
        body: copyBody(fault.body),
      };
      const remaining = fault.times ?? 1;
      if (remaining > 0) entries.push({ fault: copy, remaining }); // `times: 0` never applies
    },
    clear() {
      entries = [];
    },
    size: () => entries.length,
    take(request) {
      for (const [index, entry] of entries.entries()) {
        if (entry.remaining <= 0 || !matchRequest(entry.fault.match, request)) continue;
        const probability = entry.fault.probability ?? 1;
        if (probability < 1 && !(random() < probability)) continue;
        entry.remaining -= 1;
        // A used-up fault leaves the queue: a long test injecting one per call keeps no dead entries.
        if (entry.remaining <= 0) entries.splice(index, 1);
        return entry.fault;
      }
      return undefined;
    },
  };
}

/** A copy of a fault's body, so later changes to the caller's object do not reach the queued fault. */
function copyBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object') return body; // strings and other primitives
  if (body instanceof Uint8Array) return Buffer.from(body);
  try {
    return structuredClone(body);
  } catch {
    return body; // not cloneable (a function inside, say): serialized as given, as before
  }
}
