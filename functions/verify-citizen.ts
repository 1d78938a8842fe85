import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { verifyCitizen } from '../core/citizens/verify-citizen.js';
import { systemClock } from '../core/ports/clock.js';
import {
  citizenVerificationRequestSchema,
  type CitizenVerificationResponse,
} from '../schemas/citizen-verification.js';
import { accessLedger } from './commons/composition.js';
import { populationRegistry } from './commons/population-composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { parsePersonalDataRequest } from './commons/http-request.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/** POST /v1/citizens/verify — a yes/no identity check against the population registry. */
export async function verifyCitizenHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { body, envelope } = parsePersonalDataRequest(event, citizenVerificationRequestSchema);
  const [{ ledger, subjectKeys }, registry] = await Promise.all([accessLedger(), populationRegistry()]);
  const verification = await verifyCitizen(
    { populationRegistry: registry, accessLedger: ledger, subjectKeys, clock: systemClock },
    body,
    envelope,
  );
  const response: CitizenVerificationResponse = { requestId: envelope.requestId, ...verification };
  return jsonResponse(200, response);
}

export const handler = middy(verifyCitizenHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
