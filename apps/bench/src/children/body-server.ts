// Child process: a plain node:http server on 127.0.0.1 that answers the four vendor endpoints with
// fixed, spec-shaped bodies (checked auth header, JSON content-type, keep-alive). It does as little
// work per request as possible so the clients' differences show. Reports { origin, ids } over IPC.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BENCH_API_KEY, type BodyServerInfo } from '../lib/bench-setup';
import { loadSpecBodies } from '../lib/spec-bodies';

const bodies = await loadSpecBodies();
const { ids } = bodies;
const routes = new Map<string, { body: Buffer; auth: (request: IncomingMessage) => boolean }>([
  [
    `/api/v2/tasks/${ids.browserUseTaskId}`,
    { body: bodies.browserUseTask, auth: (r) => r.headers['x-browser-use-api-key'] === BENCH_API_KEY },
  ],
  [
    `/v1/task/${ids.anchorTaskId}/executions/${ids.anchorExecutionId}`,
    { body: bodies.anchorExecution, auth: (r) => r.headers['anchor-api-key'] === BENCH_API_KEY },
  ],
  [
    `/api/v1/tasks/${ids.browserAISessionId}`,
    { body: bodies.browserAITask, auth: (r) => r.headers.authorization === `apikey ${BENCH_API_KEY}` },
  ],
  [
    `/api/v1/results/${ids.browserAISessionId}`,
    { body: bodies.browserAIResults, auth: (r) => r.headers.authorization === `apikey ${BENCH_API_KEY}` },
  ],
]);
const notFound = Buffer.from('{"detail":"Not found"}');
const unauthorized = Buffer.from('{"detail":"Invalid API key"}');
let served = 0;

function reply(response: ServerResponse, status: number, body: Buffer) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'x-request-id': `req_${++served}`,
  });
  response.end(body);
}

const server = createServer((request, response) => {
  const route = request.method === 'GET' ? routes.get(request.url ?? '') : undefined;
  if (!route) return reply(response, 404, notFound);
  if (!route.auth(request)) return reply(response, 401, unauthorized);
  reply(response, 200, route.body);
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.maxHeadersCount = 100;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const info: BodyServerInfo = {
    origin: `http://127.0.0.1:${port}`,
    ids,
    bodyBytes: {
      'Browser Use GET /api/v2/tasks/{id}': bodies.browserUseTask.length,
      'Anchor GET /v1/task/{taskId}/executions/{executionId}': bodies.anchorExecution.length,
      'BrowserAI GET /api/v1/tasks/{id}': bodies.browserAITask.length,
      'BrowserAI GET /api/v1/results/{id}': bodies.browserAIResults.length,
    },
  };
  process.send?.({ type: 'ready', info });
});
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'served') process.send?.({ type: 'served', served });
});
// The runner going away (or closing the channel) ends the server.
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});
