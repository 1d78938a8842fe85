import { ZodError } from 'zod';
import { GatewayError } from '../../core/errors/gateway-error.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import { UpstreamRejectedError } from '../../core/errors/upstream-rejected-error.js';
import { UpstreamTimeoutError } from '../../core/errors/upstream-timeout-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { BusinessRegistry } from '../../core/ports/business-registry.js';
import type { Clock } from '../../core/ports/clock.js';
import type { BusinessRecord } from '../../schemas/business-records.js';
import { TokenSession, type IssuedToken } from '../auth/token-session.js';
import {
  createUpstreamPolicy,
  type UpstreamPolicy,
  type ResilienceSettings,
} from '../resilience/upstream-policy.js';
import { isRegistryFailure, isTransientFailure } from '../soap/soap-failure.js';
import { businessRecordOf, type ChiTietDoanhNghiep } from './business-mapping.js';

export interface BusinessCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface RestBusinessRegistryOptions {
  /** Base URL of the registry's API (the province's LGSP/NDXP address, or the local simulator). */
  readonly endpoint: string;
  /** The OAuth2 token endpoint; `<endpoint>/oauth/token` unless the platform puts it elsewhere. */
  readonly tokenUrl?: string;
  /** How the client authenticates at the token endpoint (RFC 6749 §2.3.1): HTTP Basic, or in the form. */
  readonly clientAuthentication?: 'basic' | 'body';
  readonly credentials: BusinessCredentials;
  readonly deadlineMs: number;
  readonly clock: Clock;
  /** Largest response body accepted; anything bigger is treated as an upstream failure. */
  readonly maxResponseBytes?: number;
  /** Breaker, retry and bulkhead settings beyond the defaults. */
  readonly resilience?: ResilienceSettings;
}

/** The registry's error document. */
interface RegistryErrorDocument {
  code?: unknown;
}

const lookupPath = '/api/doanh-nghiep/';
const defaultMaxResponseBytes = 1_000_000;
/** Quota refusals without Retry-After: the registry's quota window is one second. */
const quotaRetryAfterSeconds = 1;
const refusedCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const transientStatuses = new Set([502, 503, 504]);

/**
 * The national business registration system over REST/JSON (Node's `fetch`). OAuth2 client
 * credentials: one access token per container, shared and renewed before it expires by a single
 * request (`TokenSession`), and renewed once more when the registry refuses it (401, e.g.
 * `TOKEN_EXPIRED`). Every answer is bounded in size and must be JSON; the registry's Vietnamese field
 * names stay in `business-mapping.ts`.
 */
export class RestBusinessRegistry implements BusinessRegistry {
  readonly policy: UpstreamPolicy;
  private readonly session: TokenSession;
  private readonly endpoint: string;

  constructor(private readonly options: RestBusinessRegistryOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/u, '');
    this.policy = createUpstreamPolicy({
      registry: 'business',
      deadlineMs: options.deadlineMs,
      isUpstreamFailure: isRegistryFailure,
      isTransient: isTransientFailure,
      ...options.resilience,
    });
    this.session = new TokenSession(() => this.requestToken(), options.clock);
  }

  async lookUpEnterprise(enterpriseCode: string): Promise<BusinessRecord> {
    return this.policy.execute(
      async (signal) => {
        try {
          const token = await this.session.token();
          let response = await this.get(enterpriseCode, token, signal);
          if (response.status === 401) {
            await discard(response);
            response = await this.get(enterpriseCode, await this.session.replace(token), signal);
          }
          return businessRecordOf((await this.answerOf(response)) as ChiTietDoanhNghiep);
        } catch (error) {
          throw this.failureOf(error);
        }
      },
      { idempotent: true },
    );
  }

  private get(enterpriseCode: string, token: string, signal: AbortSignal): Promise<Response> {
    return fetch(`${this.endpoint}${lookupPath}${encodeURIComponent(enterpriseCode)}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      signal,
      redirect: 'error',
    });
  }

  /** The JSON document of a successful lookup; every other answer becomes the gateway's error. */
  private async answerOf(response: Response): Promise<unknown> {
    if (response.ok) {
      const document = await this.readJson(response);
      if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        throw new UpstreamFailedError('business', 'answer is not a JSON object');
      }
      return document;
    }
    const registryCode = await this.errorCodeOf(response);
    switch (response.status) {
      case 404:
        if (registryCode === 'NOT_FOUND') throw new NotFoundError('enterprise');
        break;
      case 400:
        if (registryCode === 'INVALID_ENTERPRISE_CODE') {
          throw new UpstreamRejectedError(
            'business',
            'the enterprise code was refused (INVALID_ENTERPRISE_CODE)',
          );
        }
        break;
      case 401:
        throw new UpstreamFailedError('business', 'the access token was refused twice');
      case 429:
        throw quotaExceeded(response);
    }
    throw new UpstreamFailedError(
      'business',
      `HTTP ${response.status}${typeof registryCode === 'string' ? ` ${registryCode}` : ''}`,
      transientStatuses.has(response.status),
    );
  }

  /** The registry's error code (`{ code, message }`), when the answer is JSON; never the message. */
  private async errorCodeOf(response: Response): Promise<string | undefined> {
    try {
      const document = (await this.readJson(response)) as RegistryErrorDocument | null;
      return typeof document?.code === 'string' && /^[A-Z_]{1,64}$/u.test(document.code)
        ? document.code
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** OAuth2 client credentials. Not aborted with one caller's request: other calls may share the token. */
  private async requestToken(): Promise<IssuedToken> {
    const { clientId, clientSecret } = this.options.credentials;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (this.options.clientAuthentication === 'body') {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    } else {
      const basic = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers['authorization'] = `Basic ${Buffer.from(basic).toString('base64')}`;
    }
    const issuedAt = this.options.clock.now().getTime();
    const response = await fetch(this.options.tokenUrl ?? `${this.endpoint}/oauth/token`, {
      method: 'POST',
      headers,
      body: form.toString(),
      signal: AbortSignal.timeout(this.options.deadlineMs),
      redirect: 'error',
    });
    if (response.status === 429) {
      await discard(response);
      throw quotaExceeded(response);
    }
    if (!response.ok) {
      await discard(response);
      throw new UpstreamFailedError(
        'business',
        response.status === 400 || response.status === 401
          ? 'the token endpoint refused the client credentials'
          : `token endpoint HTTP ${response.status}`,
        transientStatuses.has(response.status),
      );
    }
    const answer = (await this.readJson(response)) as { access_token?: unknown; expires_in?: unknown } | null;
    const token = answer?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new UpstreamFailedError('business', 'token answer without access_token');
    }
    const lifetimeSeconds = Number(answer?.expires_in);
    // A token without a usable lifetime is used for this call only.
    const expiresAt =
      Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0 ? issuedAt + lifetimeSeconds * 1000 : issuedAt;
    return { token, issuedAt, expiresAt };
  }

  /** Reads a JSON body of at most `maxResponseBytes`; anything else is the registry failing. */
  private async readJson(response: Response): Promise<unknown> {
    const contentType = response.headers.get('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/iu.test(contentType)) {
      await discard(response);
      throw new UpstreamFailedError('business', 'answer is not JSON');
    }
    const limit = this.options.maxResponseBytes ?? defaultMaxResponseBytes;
    if (Number(response.headers.get('content-length') ?? 0) > limit) {
      await discard(response);
      throw new UpstreamFailedError('business', 'response too large');
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel();
          throw new UpstreamFailedError('business', 'response too large');
        }
        chunks.push(value);
      }
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      throw new UpstreamFailedError('business', 'unreadable response');
    }
  }

  /**
   * Maps whatever a lookup rejected with to the gateway's errors. The upstream's body is never copied
   * into a reason: it could echo hostile content.
   */
  private failureOf(error: unknown): unknown {
    if (error instanceof GatewayError) return error;
    if (error instanceof ZodError) {
      return new UpstreamFailedError('business', 'answer does not fit the business records schema');
    }
    const name = (error as { name?: unknown })?.name;
    if (name === 'AbortError') return error; // the deadline passed: the policy answers for it
    if (name === 'TimeoutError') return new UpstreamTimeoutError('business', this.options.deadlineMs);
    const code = networkCodeOf(error);
    if (code !== undefined && refusedCodes.has(code)) {
      return new UpstreamUnavailableError('business', 'connection refused', 5);
    }
    if (code !== undefined && droppedCodes.has(code)) {
      return new UpstreamFailedError('business', 'connection dropped', true);
    }
    if (error instanceof TypeError && error.message === 'terminated') {
      return new UpstreamFailedError('business', 'connection dropped', true);
    }
    return new UpstreamFailedError('business', 'unreadable response');
  }
}

/** `fetch` rejects with `TypeError('fetch failed')` whose cause (or its cause) carries the socket's code. */
function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Lets go of a body the gateway will not read. */
async function discard(response: Response): Promise<void> {
  if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
}

function quotaExceeded(response: Response): UpstreamUnavailableError {
  return new UpstreamUnavailableError('business', 'quota exceeded', retryAfterSecondsOf(response));
}

/** The registry's Retry-After (seconds or an HTTP date), within 1–60 s; its quota window otherwise. */
function retryAfterSecondsOf(response: Response): number {
  const header = response.headers.get('retry-after');
  if (header === null) return quotaRetryAfterSeconds;
  const seconds = /^\d+$/u.test(header.trim())
    ? Number(header)
    : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.min(60, Math.max(1, seconds)) : quotaRetryAfterSeconds;
}
