import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda';
import { consoleResponse } from '../../console/build.js';
import { errorToProblem, problemResponse } from '../../functions/commons/problem-responses.js';
import type { GatewayFunctionName, GatewayRoute } from '../../infra/routes.js';
import {
  authorizerEvent,
  lambdaContext,
  matchPath,
  proxyEvent,
  type IncomingRequest,
} from './api-gateway-event.js';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type AuthorizerHandler = (
  event: APIGatewayRequestAuthorizerEvent,
  context: Context,
) => Promise<APIGatewayAuthorizerResult>;

export interface LocalGatewayOptions {
  readonly port: number;
  readonly routes: readonly GatewayRoute[];
  readonly handlers: Partial<Record<GatewayFunctionName, ProxyHandler | AuthorizerHandler>>;
  readonly authorizer: AuthorizerHandler;
  /**
   * How long an allowed key's authorizer answer is reused, as API Gateway's authorizer cache does on
   * AWS (the CDK stages use 60 s). 0 asks the authorizer every time.
   */
  readonly authorizerCacheTtlSeconds?: number;
  /** Extra routes served by the local gateway alone (e.g. documentation pages); no Lambda behind them. */
  readonly staticRoutes?: Record<string, () => Promise<{ contentType: string; body: string }>>;
}

export interface RunningGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** API Gateway's limits that matter to a client. */
const maxPayloadBytes = 10 * 1024 * 1024;
const integrationTimeoutMs = 29_000;

/**
 * Plays API Gateway (REST, proxy integration) on 127.0.0.1: turns each HTTP request into the event
 * AWS would send, runs the REQUEST authorizer where the route has one, then the same Lambda handler
 * AWS runs, and writes its result back. No second code path: only the transport is local.
 */
export async function startLocalGateway(options: LocalGatewayOptions): Promise<RunningGateway> {
  const authorizerCache: AuthorizerCache = new Map();
  const server = http.createServer((req, res) => {
    serve(req, options, authorizerCache)
      .catch((error: unknown) => errorToProblem(error, undefined))
      .then((result) => write(res, result));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type AuthorizerCache = Map<string, { expiresAt: number; context: Record<string, unknown> }>;

async function serve(
  req: http.IncomingMessage,
  options: LocalGatewayOptions,
  authorizerCache: AuthorizerCache,
): Promise<APIGatewayProxyResult> {
  const requestId = randomUUID();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const staticRoute = req.method === 'GET' ? options.staticRoutes?.[url.pathname] : undefined;
  if (staticRoute) {
    const page = await staticRoute();
    return { statusCode: 200, headers: { 'content-type': page.contentType }, body: page.body };
  }
  // The officer console's static files (built on the first request), on the API's own origin.
  const consolePage = req.method === 'GET' ? await consoleResponse(url.pathname) : undefined;
  if (consolePage) return consolePage;

  const candidates = options.routes
    .map((route) => ({ route, parameters: matchPath(route.path, url.pathname) }))
    .filter((match) => match.parameters !== undefined);
  if (candidates.length === 0) {
    return problemResponse('not-found', { requestId, detail: `No resource at ${url.pathname}` });
  }
  const match = candidates.find((candidate) => candidate.route.method === req.method);
  if (!match) {
    return problemResponse('method-not-allowed', {
      requestId,
      detail: `${req.method} is not supported on ${url.pathname}`,
      headers: { allow: candidates.map((c) => c.route.method).join(', ') },
    });
  }

  const body = await readBody(req);
  if (body === 'too-large') {
    return problemResponse('invalid-request', {
      requestId,
      detail: `The body exceeds ${maxPayloadBytes} bytes`,
      errors: [{ field: 'body', rule: 'max_size', message: `at most ${maxPayloadBytes} bytes` }],
    });
  }
  const request: IncomingRequest = {
    method: req.method ?? 'GET',
    url,
    headers: req.headers,
    body,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
  };
  const { route, parameters = {} } = match;

  let authorizerContext: Record<string, unknown> | null = null;
  if (route.authorized && !request.headers['x-api-key']) {
    // API Gateway refuses a request without the authorizer's identity source before any code runs.
    return problemResponse('unauthenticated', {
      requestId,
      detail: 'A valid API key is required in the x-api-key header',
    });
  }
  if (route.authorized) {
    // API Gateway caches by the identity source (the key) and reuses an allowed answer for every route.
    const apiKey = String(request.headers['x-api-key']);
    const cached = authorizerCache.get(apiKey);
    if (cached && cached.expiresAt > Date.now()) {
      authorizerContext = cached.context;
    } else {
      const decision = await authorize(options.authorizer, request, route, parameters, requestId);
      if ('statusCode' in decision) return decision;
      authorizerContext = decision.context;
      const ttlMs = (options.authorizerCacheTtlSeconds ?? 0) * 1000;
      if (ttlMs > 0)
        authorizerCache.set(apiKey, { expiresAt: Date.now() + ttlMs, context: decision.context });
    }
  }

  const event = proxyEvent(request, route, parameters, requestId, authorizerContext);
  const handler = options.handlers[route.function] as ProxyHandler | undefined;
  if (!handler) return problemResponse('internal', { requestId, detail: `No function ${route.function}` });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<APIGatewayProxyResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          problemResponse('upstream-timeout', { requestId, detail: 'The function did not answer in 29 s' }),
        ),
      integrationTimeoutMs,
    );
  });
  try {
    return await Promise.race([
      handler(event, lambdaContext(route.function, requestId, integrationTimeoutMs)),
      timedOut,
    ]);
  } catch {
    // A function that throws is a failed invocation: API Gateway answers it with its own 5xx (the CDK
    // app's gateway responses make it the `internal` problem), never with anything the error carries.
    return problemResponse('internal', { requestId, detail: 'The operation failed unexpectedly.' });
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the authorizer as API Gateway does: a thrown "Unauthorized" is a 401, a Deny policy a 403. */
async function authorize(
  authorizer: AuthorizerHandler,
  request: IncomingRequest,
  route: GatewayRoute,
  parameters: Record<string, string>,
  requestId: string,
): Promise<{ context: Record<string, unknown> } | APIGatewayProxyResult> {
  let result: APIGatewayAuthorizerResult;
  try {
    result = await authorizer(
      authorizerEvent(request, route, parameters, requestId),
      lambdaContext('authorizer', requestId, 10_000),
    );
  } catch (error) {
    if ((error as Error).message === 'Unauthorized') {
      return problemResponse('unauthenticated', {
        requestId,
        detail: 'A valid API key is required in the x-api-key header',
      });
    }
    return problemResponse('internal', { requestId, detail: 'The authorizer failed' });
  }
  const allowed = result.policyDocument.Statement.some((statement) => statement.Effect === 'Allow');
  if (!allowed)
    return problemResponse('forbidden', { requestId, detail: 'This key may not call this resource' });
  return { context: { ...result.context, principalId: result.principalId } };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxPayloadBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function write(res: http.ServerResponse, result: APIGatewayProxyResult): void {
  const body = result.isBase64Encoded
    ? Buffer.from(result.body, 'base64')
    : Buffer.from(result.body ?? '', 'utf8');
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name.toLowerCase()] = values.map(String);
  res.writeHead(result.statusCode, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}
