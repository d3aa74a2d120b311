import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createErrorReply } from './create-error-reply';
import { createFaultQueue } from './create-fault-queue';
import { createRequestScope, type RequestScope } from './create-request-scope';
import { handleTestRequest, type TestServerState } from './handle-test-request';
import { matchRequest } from './match-request';
import { serializeReply } from './serialize-reply';
import type { RouteReply, TestRequest, TestServer, TestServerOptions } from './test-server-types';
import { validateFaultMatch } from './validate-fault-match';

/** The default answer when no route matches. */
const defaultNotFound = (): RouteReply => ({ status: 404, body: { error: 'no route' } });

/**
 * Starts a real HTTP server (plain `node:http`) on a free 127.0.0.1 port, with routes and injectable faults.
 * @example
 * const server = await createTestServer({
 *   routes: [{ method: 'GET', path: '/tasks/:id', handler: ({ params }) => ({ status: 200, body: { id: params.id } }) }],
 * });
 * server.injectFault({ status: 503 }); // the next request gets 503, later ones 200
 * await server.close();
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const routes = [...(options.routes ?? [])];
  const log: TestRequest[] = [];
  const faults = createFaultQueue(options.random ?? Math.random);
  const state: TestServerState = {
    routes,
    faults,
    log,
    notFound: options.notFound ?? defaultNotFound,
    now: options.now ?? Date.now,
    faultBody: options.faultBody,
  };
  const sockets = new Set<Socket>();
  const scopes = new Set<RequestScope>();

  const server = createServer((incoming, response) => {
    const scope = createRequestScope();
    scopes.add(scope);
    response.on('close', () => {
      scope.close();
      scopes.delete(scope);
    });
    handleTestRequest(incoming, response, scope, state).catch((error: unknown) => {
      if (scope.closed) return;
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const reply = serializeReply(createErrorReply(error));
      response.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await listen(server);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return log.slice();
    },
    route(route) {
      routes.push(route);
    },
    injectFault(fault) {
      faults.add(fault);
    },
    clearFaults() {
      faults.clear();
    },
    clearRequests() {
      log.length = 0;
    },
    countRequests(match) {
      validateFaultMatch(match, 'match');
      return log.filter((request) => matchRequest(match, request)).length;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const scope of scopes) scope.close();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** Listens on 127.0.0.1 on a port chosen by the OS. */
function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
