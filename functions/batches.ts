import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { webhookSecretFor, webhookSignatureHeader } from '../adapters/webhooks/webhook-signature.js';
import { submitBatch } from '../core/batches/submit-batch.js';
import {
  allBatchResults,
  batchResults,
  cancelBatch,
  viewBatch,
  type BatchView,
} from '../core/batches/view-batch.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import type { ItemResult } from '../core/ports/batch-store.js';
import { batchResultsQuerySchema, type BatchStatusResponse } from '../schemas/batches.js';
import { batchApiDependencies } from './commons/batch-composition.js';
import { parseBatchSubmission } from './commons/batch-submission.js';
import { formatCsv } from './commons/csv.js';
import { httpGatewayConventions, jsonResponse } from './commons/http-middleware.js';
import {
  callerOf,
  fieldErrorsOf,
  parsePathParameters,
  parsePersonalDataPathRequest,
} from './commons/http-request.js';
import { logger, metrics, tracer } from './commons/powertools.js';

const batchPathSchema = z.object({ batchId: z.uuid({ error: 'batchId must be a batch id' }) });
const idempotencyKeySchema = z.string().min(1).max(255).optional();

/**
 * POST /v1/batches (JSON or CSV), GET /v1/batches/{batchId}, GET /v1/batches/{batchId}/results and
 * DELETE /v1/batches/{batchId}: one function, since all four share the batch store and none calls a
 * registry.
 */
export async function batchesHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  switch (`${event.httpMethod} ${event.resource}`) {
    case 'POST /v1/batches':
      return submit(event);
    case 'GET /v1/batches/{batchId}':
      return status(event);
    case 'GET /v1/batches/{batchId}/results':
      return results(event);
    case 'DELETE /v1/batches/{batchId}':
      return cancel(event);
    default:
      throw new Error(`no batch action for ${event.httpMethod} ${event.resource}`);
  }
}

async function submit(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  // The purpose envelope (x-officer-id, x-purpose, ...) applies to every item of the batch.
  const { envelope, caller } = parsePersonalDataPathRequest(event, z.object({}));
  const deps = await batchApiDependencies();
  const { items, callbackUrl } = parseBatchSubmission(event);
  const idempotencyKey = idempotencyKeySchema.safeParse(event.headers['idempotency-key']);
  if (!idempotencyKey.success) {
    throw new InvalidRequestError(
      fieldErrorsOf(idempotencyKey.error, event.headers['idempotency-key'], 'header:idempotency-key'),
    );
  }
  if (callbackUrl !== undefined && !deps.allowHttpCallbacks && !callbackUrl.startsWith('https:')) {
    throw new InvalidRequestError([
      { field: 'callbackUrl', rule: 'https', message: 'callbackUrl must be an https URL' },
    ]);
  }

  const { batch, created } = await submitBatch(
    deps,
    {
      items,
      ...(callbackUrl === undefined ? {} : { callbackUrl }),
      ...(idempotencyKey.data === undefined ? {} : { idempotencyKey: idempotencyKey.data }),
    },
    envelope,
    caller,
  );
  metrics.addMetric(created ? 'BatchSubmitted' : 'BatchResubmitted', 'Count', 1);
  const headers = {
    location: `/v1/batches/${batch.batchId}`,
    ...(created ? {} : { 'idempotent-replayed': 'true' }),
  };
  return jsonResponse(
    202,
    {
      requestId: envelope.requestId,
      batchId: batch.batchId,
      status: 'queued',
      total: batch.total,
      createdAt: batch.createdAt,
      ...(batch.callbackUrl === undefined
        ? {}
        : {
            callback: {
              url: batch.callbackUrl,
              signatureHeader: webhookSignatureHeader,
              secret: webhookSecretFor(deps.pepper, caller.clientId),
            },
          }),
    },
    headers,
  );
}

function statusBody(view: BatchView): BatchStatusResponse {
  const { batch, progress } = view;
  return {
    batchId: batch.batchId,
    status: view.status,
    total: batch.total,
    done: progress.done,
    counts: progress.counts,
    progress: batch.total === 0 ? 1 : Math.round((progress.done / batch.total) * 10_000) / 10_000,
    ...(view.estimatedSecondsRemaining === undefined
      ? {}
      : { estimatedSecondsRemaining: view.estimatedSecondsRemaining }),
    createdAt: batch.createdAt,
    ...(batch.cancelledAt === undefined ? {} : { cancelledAt: batch.cancelledAt }),
    ...(batch.webhook === undefined ? {} : { webhook: batch.webhook }),
  };
}

async function status(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { batchId } = parsePathParameters(event, batchPathSchema);
  const view = await viewBatch(await batchApiDependencies(), batchId, callerOf(event));
  return jsonResponse(200, statusBody(view));
}

async function cancel(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { batchId } = parsePathParameters(event, batchPathSchema);
  const view = await cancelBatch(await batchApiDependencies(), batchId, callerOf(event));
  return jsonResponse(200, statusBody(view));
}

const wireResult = (result: ItemResult) => ({
  item: result.itemIndex,
  kind: result.kind,
  outcome: result.outcome,
  ...(result.result === undefined ? {} : { result: result.result }),
  ...(result.error === undefined ? {} : { error: result.error }),
  attempts: result.attempts,
  completedAt: result.completedAt,
});

async function results(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { batchId } = parsePathParameters(event, batchPathSchema);
  const query = batchResultsQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success)
    throw new InvalidRequestError(fieldErrorsOf(query.error, event.queryStringParameters, 'query:'));
  const deps = await batchApiDependencies();
  const caller = callerOf(event);

  if (/\btext\/csv\b/i.test(event.headers['accept'] ?? '')) {
    // The whole result set as one CSV, in item order (10,000 rows stay well under the response limit).
    const rows: unknown[][] = [
      ['item', 'kind', 'outcome', 'result', 'error', 'attempts', 'completedAt'],
      ...(await allBatchResults(deps, batchId, caller)).map((r) => [
        r.itemIndex,
        r.kind,
        r.outcome,
        r.result ?? '',
        r.error ? `${r.error.kind}: ${r.error.detail}` : '',
        r.attempts,
        r.completedAt,
      ]),
    ];
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' },
      body: formatCsv(rows),
    };
  }

  const page = await batchResults(deps, batchId, caller, {
    ...(query.data.cursor === undefined ? {} : { afterIndex: Number(query.data.cursor) }),
    limit: query.data.limit,
  });
  return jsonResponse(200, {
    batchId,
    status: page.view.status,
    results: page.results.map(wireResult),
    ...(page.lastIndex === undefined ? {} : { nextCursor: String(page.lastIndex) }),
  });
}

export const handler = middy(batchesHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(httpHeaderNormalizer())
  .use(httpGatewayConventions());
