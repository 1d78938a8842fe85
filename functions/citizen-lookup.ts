import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { lookUpCitizen } from '../core/citizens/look-up-citizen.js';
import { citizenLookupRequestSchema, type CitizenLookupResponse } from '../schemas/citizen-lookup.js';
import { personalDataAccess } from './commons/composition.js';
import { populationRegistry } from './commons/population-composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { parsePersonalDataRequest } from './commons/http-request.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/** POST /v1/citizens/lookup — the citizen's record, limited to the fields the client may see. */
export async function citizenLookupHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { body, envelope, caller } = parsePersonalDataRequest(event, citizenLookupRequestSchema);
  const [access, registry] = await Promise.all([personalDataAccess(), populationRegistry()]);
  const lookup = await lookUpCitizen({ ...access, populationRegistry: registry }, body, envelope, caller);
  const response: CitizenLookupResponse = {
    requestId: envelope.requestId,
    citizen: lookup.citizen,
    fieldsDisclosed: [...lookup.fieldsDisclosed],
    retrievedAt: lookup.retrievedAt,
  };
  return jsonResponse(200, response, rateLimitHeaders(lookup.admission));
}

export const handler = middy(citizenLookupHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
