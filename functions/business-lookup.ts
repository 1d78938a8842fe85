import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { lookUpEnterprise } from '../core/business/look-up-enterprise.js';
import { systemClock } from '../core/ports/clock.js';
import { businessPathSchema, type BusinessLookupResponse } from '../schemas/business-records.js';
import { businessLookupDependencies } from './commons/business-composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { callerOf, parsePathParameters } from './commons/http-request.js';
import { requestCounters } from './commons/composition.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/**
 * GET /v1/businesses/{enterpriseCode} — a public business record, from the cache when it is fresh.
 * `x-cache` says whether the registry was asked; `Server-Timing` carries the registry's time.
 */
export async function businessLookupHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const caller = callerOf(event);
  const { enterpriseCode } = parsePathParameters(event, businessPathSchema);
  const [registry, counters] = await Promise.all([businessLookupDependencies(), requestCounters()]);
  const lookup = await lookUpEnterprise(
    {
      ...registry,
      requestCounters: counters,
      clock: systemClock,
      onCacheFailure: (operation, error) =>
        logger.warn('business record cache failed; answering without it', {
          operation,
          errorName: (error as Error | null)?.name,
        }),
    },
    enterpriseCode,
    caller,
  );
  const response: BusinessLookupResponse = {
    requestId: event.requestContext.requestId,
    business: lookup.record,
    retrievedAt: lookup.retrievedAt,
  };
  return jsonResponse(200, response, {
    ...rateLimitHeaders(lookup.admission),
    'x-cache': lookup.source === 'cache' ? 'hit' : 'miss',
  });
}

export const handler = middy(businessLookupHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
