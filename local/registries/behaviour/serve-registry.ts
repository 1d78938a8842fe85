import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SeededRandom } from '../random.js';
import {
  parseBehaviour,
  type Behaviour,
  type BehaviourInput,
  type FaultMode,
  type Latency,
} from './behaviour.js';
import { emptyCounters, increment, type CallCounters } from './counters.js';
import type { RegistryDialect, RegistryError, RegistryResponse } from './dialect.js';
import { bodyText } from './dialect.js';
import { SlidingWindowQuota } from './quota.js';

/** One request as a simulated registry sees it; the body is read in full beforehand. */
export interface RegistryRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The absolute URL the client addressed (scheme + Host header + path), e.g. for signatures. */
  readonly requestedUrl: string;
}

/** What a registry plugs into the shared machinery (see `index.ts`). */
export interface RegistryDefinition {
  /** Short name for logs: `population`, `land`, `business`. */
  readonly name: string;
  readonly dialect: RegistryDialect;
  /** The registry's own errors for a refused quota and for an injected internal failure. */
  readonly errors: { readonly quotaExceeded: RegistryError; readonly internal: RegistryError };
  /** Registry calls are counted and subject to quota and behaviour; anything else (WSDL, token docs) is just served. */
  isCall(request: RegistryRequest): boolean;
  /** Operation name for the counters (SOAP action, `GET /enterprises/{code}`, ...). */
  operationOf(request: RegistryRequest): string;
  /** The credential the caller claims (not yet verified), for the per-credential quota. */
  credentialOf(request: RegistryRequest): string | undefined;
  /** The well-behaved answer. Registry errors are answered with `dialect.error(...)`. */
  handle(request: RegistryRequest, context: { readonly baseUrl: string }): Promise<RegistryResponse>;
}

export interface ServeRegistryOptions {
  /** 0 = a free port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  readonly behaviour?: BehaviourInput;
}

export interface RunningRegistry {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<port>/__control` */
  readonly controlUrl: string;
  readonly port: number;
  behaviour(): Behaviour;
  /** Replaces the whole behaviour (unspecified fields take their defaults). */
  setBehaviour(input: BehaviourInput): Behaviour;
  counters(): CallCounters;
  /** Zeroes counters and quota windows and restores the behaviour the registry started with. */
  reset(): void;
  stop(): Promise<void>;
}

export const controlPath = '/__control';
const maxRequestBytes = 10 * 1024 * 1024;
const anonymous = '(anonymous)';

/**
 * Serves a registry on 127.0.0.1 behind the shared behaviour layer. Per call, in order: count it,
 * check the caller's quota (refusals answered with the registry's own quota error), wait the drawn
 * latency, then either inject the drawn failure or let the registry answer.
 */
export async function serveRegistry(
  definition: RegistryDefinition,
  options: ServeRegistryOptions = {},
): Promise<RunningRegistry> {
  const initialBehaviour = parseBehaviour(options.behaviour);
  let behaviour = initialBehaviour;
  let random = new SeededRandom(behaviour.seed);
  let counters = emptyCounters();
  const quota = new SlidingWindowQuota();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let baseUrl = '';

  const setBehaviour = (input: BehaviourInput): Behaviour => {
    behaviour = parseBehaviour(input);
    random = new SeededRandom(behaviour.seed);
    quota.reset();
    return behaviour;
  };

  const reset = () => {
    counters = emptyCounters();
    setBehaviour(initialBehaviour);
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        resolve();
      }, ms);
      pendingTimers.add(timer);
    });

  const handleCall = async (request: RegistryRequest, res: ServerResponse) => {
    counters.calls += 1;
    increment(counters.byOperation, definition.operationOf(request));
    const credential = definition.credentialOf(request) ?? anonymous;
    increment(counters.byCredential, credential);

    if (
      behaviour.quotaPerSecond !== null &&
      !quota.tryAcquire(credential, behaviour.quotaPerSecond, Date.now())
    ) {
      counters.quotaExceeded += 1;
      return send(res, definition.dialect.error(definition.errors.quotaExceeded));
    }

    const mode = drawFault(behaviour, random);
    await delay(drawLatency(behaviour.latency, random));

    if (mode === undefined) {
      counters.answered += 1;
      return send(res, await definition.handle(request, { baseUrl }));
    }
    increment(counters.injected, mode);
    switch (mode) {
      case 'hang':
        return; // deliberately never answered; `stop()` closes the socket
      case 'reset':
        return res.socket?.destroy();
      case 'fault':
        return send(res, definition.dialect.error(definition.errors.internal));
      case 'http-5xx':
        return send(res, {
          status: behaviour.status,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<html><head><title>${behaviour.status}</title></head><body><h1>${behaviour.status} Service Unavailable</h1></body></html>`,
        });
      case 'xxe':
        return send(res, definition.dialect.externalEntity(await definition.handle(request, { baseUrl })));
      case 'entity-expansion':
        return send(res, definition.dialect.entityExpansion(await definition.handle(request, { baseUrl })));
      case 'malformed': {
        const answer = await definition.handle(request, { baseUrl });
        const text = bodyText(answer);
        return send(res, { ...answer, status: 200, body: text.slice(0, Math.floor(text.length / 2)) });
      }
      case 'oversized': {
        const answer = await definition.handle(request, { baseUrl });
        return send(res, definition.dialect.oversize(answer, behaviour.oversizedBytes));
      }
      case 'wrong-content-type': {
        const answer = await definition.handle(request, { baseUrl });
        return send(res, {
          ...answer,
          headers: { ...answer.headers, 'content-type': 'text/html; charset=utf-8' },
        });
      }
    }
  };

  const handleControl = async (request: RegistryRequest, res: ServerResponse) => {
    const route = `${request.method} ${new URL(request.path, 'http://x').pathname.slice(controlPath.length)}`;
    switch (route) {
      case 'GET /behaviour':
        return sendJson(res, 200, behaviour);
      case 'PUT /behaviour':
      case 'PATCH /behaviour': {
        let input: unknown;
        try {
          input = JSON.parse(request.body.toString('utf8') || '{}');
          const merged = request.method === 'PATCH' ? { ...behaviour, ...(input as object) } : input;
          return sendJson(res, 200, setBehaviour(merged as BehaviourInput));
        } catch (error) {
          return sendJson(res, 400, { error: 'invalid behaviour', detail: (error as Error).message });
        }
      }
      case 'GET /counters':
        return sendJson(res, 200, counters);
      case 'POST /reset':
        reset();
        return sendJson(res, 200, { reset: true });
      default:
        return sendJson(res, 404, {
          error: 'unknown control route',
          routes: ['GET|PUT|PATCH /__control/behaviour', 'GET /__control/counters', 'POST /__control/reset'],
        });
    }
  };

  const server = createServer((req, res) => {
    readRequest(req)
      .then((request) => {
        if (request === undefined) return sendJson(res, 413, { error: 'request too large' });
        if (request.path === controlPath || request.path.startsWith(`${controlPath}/`)) {
          return handleControl(request, res);
        }
        if (!definition.isCall(request)) return send(res, definition.handle(request, { baseUrl }));
        return handleCall(request, res);
      })
      .catch((error: unknown) => {
        console.error(`[${definition.name} registry] unexpected failure: ${(error as Error).message}`);
        if (!res.headersSent && !res.destroyed)
          send(res, definition.dialect.error(definition.errors.internal));
      });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;

  return {
    baseUrl,
    controlUrl: `${baseUrl}${controlPath}`,
    port,
    behaviour: () => behaviour,
    setBehaviour,
    counters: () => structuredClone(counters),
    reset,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function send(
  res: ServerResponse,
  response: RegistryResponse | Promise<RegistryResponse>,
): Promise<void> {
  const { status, headers, body } = await response;
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): Promise<void> {
  return send(res, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  });
}

function readRequest(req: IncomingMessage): Promise<RegistryRequest | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > maxRequestBytes) return resolve(undefined);
      const path = req.url ?? '/';
      resolve({
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks),
        requestedUrl: `http://${req.headers.host ?? 'localhost'}${path}`,
      });
    });
  });
}

/** Draws at most one failure mode; the rates of all injections share one draw so they never overlap. */
function drawFault(behaviour: Behaviour, random: SeededRandom): FaultMode | undefined {
  if (behaviour.faults.length === 0) return undefined;
  let draw = random.next();
  for (const { mode, rate } of behaviour.faults) {
    if (draw < rate) return mode;
    draw -= rate;
  }
  return undefined;
}

function drawLatency(latency: Latency, random: SeededRandom): number {
  switch (latency.distribution) {
    case 'none':
      return 0;
    case 'fixed':
      return latency.ms;
    case 'uniform':
      return latency.minMs + random.next() * Math.max(0, latency.maxMs - latency.minMs);
    case 'normal':
      return Math.max(0, latency.meanMs + random.normal() * latency.stdDevMs);
    case 'lognormal':
      return latency.medianMs * Math.exp(random.normal() * latency.sigma);
  }
}
