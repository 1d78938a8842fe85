import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { verifyCitizen } from '../core/citizens/verify-citizen.js';
import {
  citizenVerificationRequestSchema,
  type CitizenVerificationResponse,
} from '../schemas/citizen-verification.js';
import { personalDataAccess } from './commons/composition.js';
import { populationRegistry } from './commons/population-composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { parsePersonalDataRequest } from './commons/http-request.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/** POST /v1/citizens/verify — a yes/no identity check against the population registry. */
export async function verifyCitizenHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { body, envelope, caller } = parsePersonalDataRequest(event, citizenVerificationRequestSchema);
  const [access, registry] = await Promise.all([personalDataAccess(), populationRegistry()]);
  const { admission, ...verification } = await verifyCitizen(
    { ...access, populationRegistry: registry },
    body,
    envelope,
    caller,
  );
  const response: CitizenVerificationResponse = { requestId: envelope.requestId, ...verification };
  return jsonResponse(200, response, rateLimitHeaders(admission));
}

export const handler = middy(verifyCitizenHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
