import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { reportSubjectAccesses } from '../core/audit/subject-report.js';
import {
  subjectReportPageSize,
  subjectReportRequestSchema,
  type SubjectReportResponse,
} from '../schemas/audit.js';
import { subjectAccessIndex } from './commons/audit-composition.js';
import { personalDataAccess } from './commons/composition.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import { parsePersonalDataRequest } from './commons/http-request.js';
import { rateLimitHeaders } from './commons/problem-responses.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/** POST /v1/audit/subject-report — who accessed a citizen's data, when, why and what was disclosed. */
export async function subjectReportHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { body, envelope, caller } = parsePersonalDataRequest(event, subjectReportRequestSchema);
  const [access, index] = await Promise.all([personalDataAccess(), subjectAccessIndex()]);
  const report = await reportSubjectAccesses(
    { ...access, subjectAccessIndex: index },
    body,
    envelope,
    caller,
    subjectReportPageSize,
  );
  const response: SubjectReportResponse = {
    requestId: envelope.requestId,
    accesses: report.accesses.map((access) => ({ ...access, fieldsDisclosed: [...access.fieldsDisclosed] })),
    ...(report.nextCursor === undefined ? {} : { nextCursor: report.nextCursor }),
    generatedAt: report.generatedAt,
  };
  return jsonResponse(200, response, rateLimitHeaders(report.admission));
}

export const handler = middy(subjectReportHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
