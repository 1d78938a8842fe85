import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { notifyIfComplete } from '../core/batches/notify-completion.js';
import { processBatchItem, RetryableItemError } from '../core/batches/process-batch-item.js';
import type { BatchRecord } from '../core/ports/batch-store.js';
import { batchItemMessageSchema, type BatchItemMessage } from '../events/batch-item-message.js';
import { dynamoDb } from './commons/aws-clients.js';
import { batchWorkerDependencies, sqs } from './commons/batch-composition.js';
import { once } from './commons/composition.js';
import { logger, metrics, tracer } from './commons/powertools.js';

/**
 * The batch worker: consumes the lookup queue (SQS event source with partial batch responses).
 *
 * - Each record is one item, processed by Powertools' BatchProcessor (records of one event in
 *   parallel); only the records that failed are reported, so only they come back.
 * - Each item runs inside Powertools idempotency keyed by `<batch>:<item>`: a redelivered message
 *   whose item has completed returns the stored outcome — no second registry call, ledger entry or
 *   result. An item still in progress elsewhere is given back to the queue for later.
 * - A failure that may be transient makes the message visible again after an exponential backoff
 *   (ChangeMessageVisibility); on the last attempt the item ends as `failed` with its reason.
 * - A message that cannot be parsed is failed at once, every time, so SQS moves it to the DLQ after
 *   the redrive policy's receive count; `npm run batches -- redrive` moves it back.
 */
const processor = new BatchProcessor(EventType.SQS);
const idempotencyConfig = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: 7 * 86_400 });

class UnparseableMessageError extends Error {}

/** Batch records change rarely (a cancellation): each container reads one at most every two seconds. */
const batchCache = new Map<string, { batch: BatchRecord | undefined; readAt: number }>();
async function batchOf(batchId: string): Promise<BatchRecord | undefined> {
  const cached = batchCache.get(batchId);
  if (cached && Date.now() - cached.readAt < 1_000) return cached.batch;
  const { items } = await batchWorkerDependencies();
  const batch = await items.batchStore.get(batchId);
  batchCache.set(batchId, { batch, readAt: Date.now() });
  if (batchCache.size > 1_000) batchCache.delete(batchCache.keys().next().value as string);
  return batch;
}

const idempotentItem = once(async () => {
  const deps = await batchWorkerDependencies();
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: deps.idempotencyTableName,
    awsSdkV3Client: dynamoDb,
  });
  return makeIdempotent(
    async (_key: { id: string }, message: BatchItemMessage, attempt: number) => {
      const { answer, recorded } = await processBatchItem(
        deps.items,
        message,
        await batchOf(message.batchId),
        {
          attempt,
          maxAttempts: deps.maxAttempts,
        },
      );
      return { outcome: answer?.outcome ?? 'dropped', recorded };
    },
    { persistenceStore, config: idempotencyConfig, dataIndexArgument: 0 },
  );
});

async function changeVisibility(record: SQSRecord, seconds: number): Promise<void> {
  const { queueUrl } = await batchWorkerDependencies();
  await sqs
    .send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: Math.round(seconds),
      }),
    )
    .catch((error: unknown) =>
      logger.warn('could not set the retry backoff', { errorName: (error as Error).name }),
    );
}

/** 2, 4, 8, … seconds (with jitter) after the 1st, 2nd, 3rd … delivery, up to the configured maximum. */
function backoffSeconds(attempt: number, maxSeconds: number): number {
  return Math.min(maxSeconds, 2 ** attempt * (0.75 + Math.random() * 0.5));
}

async function processRecord(record: SQSRecord): Promise<void> {
  const deps = await batchWorkerDependencies().catch((error: unknown) => {
    logger.error('the batch worker could not start', {
      errorName: (error as Error).name,
      detail: (error as Error).message,
    });
    throw error;
  });
  const attempt = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const parsed = batchItemMessageSchema.safeParse(safeJson(record.body));
  if (!parsed.success) {
    logger.error('unparseable batch item message; it goes to the DLQ', {
      messageId: record.messageId,
      attempt,
    });
    metrics.addMetric('BatchItemUnparseable', 'Count', 1);
    await changeVisibility(record, 0);
    throw new UnparseableMessageError('unparseable batch item message');
  }
  const message = parsed.data;
  try {
    const processed = await (
      await idempotentItem()
    )({ id: `${message.batchId}:${message.itemIndex}` }, message, attempt);
    metrics.addMetric(processed.recorded ? 'BatchItemCompleted' : 'BatchItemSkipped', 'Count', 1);
    if (processed.recorded) {
      const progress = await deps.items.batchStore.progress(message.batchId);
      const batch = await batchOf(message.batchId);
      if (batch && progress.done >= batch.total) {
        await notifyIfComplete(deps.notify, message.batchId).catch((error: unknown) =>
          logger.error('batch completion webhook failed', {
            batchId: message.batchId,
            errorName: (error as Error).name,
          }),
        );
      }
    }
  } catch (error) {
    const inProgress = error instanceof IdempotencyAlreadyInProgressError;
    logger.warn('batch item will be tried again', {
      batchId: message.batchId,
      itemIndex: message.itemIndex,
      attempt,
      reason: inProgress
        ? 'in progress elsewhere'
        : (((error as Error).cause as Error | undefined)?.name ?? (error as Error).name),
    });
    metrics.addMetric('BatchItemRetried', 'Count', 1);
    // An item in progress elsewhere (or in a crashed invocation) is free again once that invocation has timed out.
    await changeVisibility(record, inProgress ? 35 : backoffSeconds(attempt, deps.maxBackoffSeconds));
    throw error instanceof RetryableItemError ? error : new RetryableItemError(error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function batchWorkerHandler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  // In-progress records expire with this invocation, so a crashed worker's items are picked up again.
  idempotencyConfig.registerLambdaContext(context);
  return processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false });
}

export const handler = middy(batchWorkerHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));
