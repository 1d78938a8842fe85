import type { APIGatewayProxyResult } from 'aws-lambda';
import { GatewayError } from '../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { RateLimitedError } from '../../core/errors/rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { Admission } from '../../core/access/admit-request.js';
import { problemCatalogue, problemTypeUri, type ProblemKind } from '../../schemas/problem-types.js';
import { problemMediaType, type FieldError, type Problem } from '../../schemas/problem.js';

export interface ProblemOptions {
  readonly detail?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
  readonly retryAfterSeconds?: number;
  readonly headers?: Record<string, string>;
}

/** An `application/problem+json` response of one kind from the catalogue. */
export function problemResponse(kind: ProblemKind, options: ProblemOptions = {}): APIGatewayProxyResult {
  const { status, title } = problemCatalogue[kind];
  const problem: Problem = {
    type: problemTypeUri(kind),
    title,
    status,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    ...(options.errors === undefined ? {} : { errors: [...options.errors] }),
    ...(options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }),
  };
  return {
    statusCode: status,
    headers: {
      'content-type': problemMediaType,
      ...(options.requestId === undefined ? {} : { 'x-request-id': options.requestId }),
      ...(options.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(options.retryAfterSeconds) }),
      ...options.headers,
    },
    body: JSON.stringify(problem),
  };
}

/**
 * The one place where errors become HTTP answers. Gateway errors carry safe messages; anything else
 * is an internal error whose details stay in the logs.
 */
export function errorToProblem(error: unknown, requestId: string | undefined): APIGatewayProxyResult {
  if (!(error instanceof GatewayError)) {
    return problemResponse('internal', {
      requestId,
      detail: 'The gateway failed; the request id identifies it in the logs',
    });
  }
  const kind = error.kind as ProblemKind;
  return problemResponse(kind in problemCatalogue ? kind : 'internal', {
    requestId,
    detail: error.message,
    ...(error instanceof InvalidRequestError ? { errors: error.fieldErrors } : {}),
    ...(error instanceof UpstreamUnavailableError || error instanceof RateLimitedError
      ? { retryAfterSeconds: error.retryAfterSeconds }
      : {}),
    ...(error instanceof RateLimitedError && error.limit === 'rate'
      ? {
          headers: rateLimitHeaders({
            limit: error.allowance,
            remaining: 0,
            resetSeconds: error.retryAfterSeconds,
          }),
        }
      : {}),
  });
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) for a key's per-second limit. */
export function rateLimitHeaders(admission: Admission): Record<string, string> {
  return {
    'ratelimit-limit': String(admission.limit),
    'ratelimit-remaining': String(admission.remaining),
    'ratelimit-reset': String(admission.resetSeconds),
  };
}
