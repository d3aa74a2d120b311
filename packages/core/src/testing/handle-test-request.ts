import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorReply } from './create-error-reply';
import type { FaultQueue } from './create-fault-queue';
import type { RequestScope } from './create-request-scope';
import { createTestRequest } from './create-test-request';
import { resolveRouteReply } from './resolve-route-reply';
import { type SerializedReply, serializeReply } from './serialize-reply';
import type { Fault, RouteReply, TestRequest, TestRoute } from './test-server-types';
import { writeReply } from './write-reply';

/** What `handleTestRequest` needs from its server. The arrays are live: later additions count. */
export interface TestServerState {
  /** The routes, in the order they are tried. */
  readonly routes: readonly TestRoute[];
  /** The injected faults. */
  readonly faults: FaultQueue;
  /** The request log; every request is pushed here first. */
  readonly log: TestRequest[];
  /** The answer when no route matches. */
  readonly notFound: (request: TestRequest) => RouteReply;
  /** The clock of `receivedAt`. */
  readonly now: () => number;
  /** The body of a fault with an error status and no body, if the server has one. */
  readonly faultBody?: (status: number) => unknown;
}

/**
 * Answers one request: logs it, picks a fault, waits `delayMs`, resets the connection or computes the
 * reply (the fault's or the route's) and writes it as the fault shapes it. Stops at once when the scope
 * closes (client gone or server closing).
 */
export async function handleTestRequest(
  incoming: IncomingMessage,
  response: ServerResponse,
  scope: RequestScope,
  state: TestServerState,
): Promise<void> {
  const request = createTestRequest(incoming, state.now());
  state.log.push(request);
  incoming.resume(); // drain any request body, so a POST never hangs

  const fault = state.faults.take(request);
  if (fault?.delayMs !== undefined && fault.delayMs > 0) {
    await scope.sleep(fault.delayMs);
    if (scope.closed) return;
  }
  if (fault?.reset) {
    incoming.socket.resetAndDestroy();
    return;
  }

  const reply = await computeReply(fault, state, request);
  if (scope.closed) return;
  let serialized: SerializedReply;
  try {
    serialized = serializeReply(reply);
  } catch (error) {
    serialized = serializeReply(createErrorReply(error));
  }
  await writeReply(response, serialized, fault ?? {}, scope);
}

/**
 * The fault's own reply when it sets `status` or `body` (status default 500; an error status without a
 * body gets the server's `faultBody`); otherwise the route's answer, with the fault's headers (if any) added.
 */
async function computeReply(
  fault: Fault | undefined,
  state: TestServerState,
  request: TestRequest,
): Promise<RouteReply> {
  if (fault !== undefined && (fault.status !== undefined || fault.body !== undefined)) {
    const status = fault.status ?? 500;
    const body = fault.body === undefined && status >= 400 ? state.faultBody?.(status) : fault.body;
    return { status, body, headers: fault.headers };
  }
  const reply = await resolveRouteReply(state.routes, request, state.notFound);
  if (fault?.headers === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, ...fault.headers } };
}
