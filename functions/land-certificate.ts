import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { lookUpCertificate } from '../core/land/look-up-certificate.js';
import { certificatePathSchema, type CertificateLookupResponse } from '../schemas/land-records.js';
import { personalDataAccess } from './commons/composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { parsePersonalDataPathRequest } from './commons/http-request.js';
import { landRegistry } from './commons/land-composition.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/** GET /v1/land/certificates/{serial} — the land-use certificate, its parcel and owners. */
export async function landCertificateHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { path, envelope, caller } = parsePersonalDataPathRequest(event, certificatePathSchema);
  const [access, registry] = await Promise.all([personalDataAccess(), landRegistry()]);
  const lookup = await lookUpCertificate(
    { ...access, landRegistry: registry },
    path.serial,
    envelope,
    caller,
  );
  const response: CertificateLookupResponse = {
    requestId: envelope.requestId,
    certificate: lookup.certificate,
    parcel: lookup.parcel,
    fieldsDisclosed: [...lookup.fieldsDisclosed],
    retrievedAt: lookup.retrievedAt,
  };
  return jsonResponse(200, response, rateLimitHeaders(lookup.admission));
}

export const handler = middy(landCertificateHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
