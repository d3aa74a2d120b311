import { createErrorReply } from './create-error-reply';
import { matchRoutePath } from './match-route-path';
import type { RouteReply, TestRequest, TestRoute } from './test-server-types';

/**
 * Finds the first route whose method and path pattern match the request and runs its handler;
 * answers with `notFound` when none matches. A handler (or `notFound`) that throws or rejects
 * answers 500 `{ error: message }`.
 */
export async function resolveRouteReply(
  routes: readonly TestRoute[],
  request: TestRequest,
  notFound: (request: TestRequest) => RouteReply,
): Promise<RouteReply> {
  try {
    for (const route of routes) {
      if (route.method.toUpperCase() !== request.method) continue;
      const params = matchRoutePath(route.path, request.path);
      if (params === undefined) continue;
      return await route.handler({ request, params });
    }
    return notFound(request);
  } catch (error) {
    return createErrorReply(error);
  }
}
