import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { checkHealth } from '../core/health/check-health.js';
import { healthDependencies } from './commons/composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { logger, tracer } from './commons/powertools.js';

/**
 * GET /v1/health — each dependency's state and, per registry, its circuit, recent latency and error
 * rate as the functions that call it reported them; always 200, `status` says whether all is well.
 */
export async function healthHandler(_event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  return jsonResponse(200, await checkHealth(healthDependencies()));
}

export const handler = middy(healthHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(httpGatewayConventions());
