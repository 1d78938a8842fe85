import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { lookUpParcel } from '../core/land/look-up-parcel.js';
import { parcelKeySchema } from '../schemas/land.js';
import type { ParcelLookupResponse } from '../schemas/land-records.js';
import { personalDataAccess } from './commons/composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { parsePersonalDataPathRequest } from './commons/http-request.js';
import { landRegistry } from './commons/land-composition.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/**
 * GET /v1/land/parcels/{communeCode}/{mapSheet}/{parcelNumber} — the parcel and its certificate(s),
 * with either era's commune code: a 2025 code is searched under each commune it was formed from.
 */
export async function landParcelHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { path, envelope, caller } = parsePersonalDataPathRequest(event, parcelKeySchema);
  const [access, registry] = await Promise.all([personalDataAccess(), landRegistry()]);
  const lookup = await lookUpParcel({ ...access, landRegistry: registry }, path, envelope, caller);
  const response: ParcelLookupResponse = {
    requestId: envelope.requestId,
    query: path,
    parcels: [...lookup.parcels],
    fieldsDisclosed: [...lookup.fieldsDisclosed],
    retrievedAt: lookup.retrievedAt,
  };
  return jsonResponse(200, response, rateLimitHeaders(lookup.admission));
}

export const handler = middy(landParcelHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
