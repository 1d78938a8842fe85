import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { checkHealth } from '../core/health/check-health.js';
import { dependencyProbes } from './commons/composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { logger, tracer } from './commons/powertools.js';

/** GET /v1/health — the state of each dependency; always 200, `status` says whether all are reachable. */
export async function healthHandler(_event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  return jsonResponse(200, await checkHealth(dependencyProbes()));
}

export const handler = middy(healthHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(httpGatewayConventions());
