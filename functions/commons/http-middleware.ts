import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { GatewayError } from '../../core/errors/gateway-error.js';
import {
  currentStageTimings,
  currentUpstreamTiming,
  startUpstreamTiming,
} from '../../adapters/resilience/upstream-timing.js';
import { logger } from './powertools.js';
import { errorToProblem } from './problem-responses.js';

/**
 * middy middleware for HTTP functions: every thrown error becomes problem+json (through the one
 * error mapper), every answer carries the request id and, in `Server-Timing`, the time spent waiting
 * for registries (`upstream`, when any was called) and the gateway's total (`gateway`).
 * With `SERVER_TIMING_STAGES=true` (benchmarks, profiling), it also names the gateway's own round
 * trips on the path — `admission` (rate and quota counters) and `ledger` — so that a slow answer
 * shows where its time went.
 * Error messages of gateway errors are safe to log; others are logged by name and stack only.
 */
export function httpGatewayConventions(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const startedAt = new WeakMap<object, number>();
  return {
    before: (request) => {
      startedAt.set(request.event, performance.now());
      startUpstreamTiming();
    },
    after: (request) => {
      if (request.response) decorate(request.response, request.event, startedAt.get(request.event));
    },
    onError: (request) => {
      const error = request.error;
      const requestId = request.event.requestContext?.requestId;
      if (error instanceof GatewayError) {
        logger.warn('request refused', { kind: error.kind, reason: error.message });
      } else {
        logger.error('request failed', {
          errorName: (error as Error | null)?.name,
          // The frames only: a foreign error's message may quote what it choked on (a registry's answer).
          stack: (error as Error | null)?.stack?.split('\n').slice(1).join('\n'),
        });
      }
      request.response = errorToProblem(error, requestId);
      decorate(request.response, request.event, startedAt.get(request.event));
    },
  };
}

const showStages = process.env['SERVER_TIMING_STAGES'] === 'true';

function decorate(
  response: APIGatewayProxyResult,
  event: APIGatewayProxyEvent,
  started: number | undefined,
): void {
  const upstream = currentUpstreamTiming();
  response.headers = {
    ...response.headers,
    'x-request-id': event.requestContext?.requestId ?? '',
    ...(started === undefined
      ? {}
      : {
          'server-timing': [
            upstream && upstream.calls > 0
              ? `upstream;desc="${upstream.calls} registry call${upstream.calls > 1 ? 's' : ''}";dur=${upstream.upstreamMs.toFixed(1)}`
              : undefined,
            ...(showStages
              ? currentStageTimings().map(
                  ({ stage, calls, ms }) =>
                    `${stage};desc="${calls} call${calls > 1 ? 's' : ''}";dur=${ms.toFixed(1)}`,
                )
              : []),
            `gateway;dur=${(performance.now() - started).toFixed(1)}`,
          ]
            .filter(Boolean)
            .join(', '),
        }),
  };
}

export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
