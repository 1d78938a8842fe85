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
import { deliverCompletion, noticeIfComplete } from '../core/batches/notify-completion.js';
import {
  ItemDeferredError,
  processBatchItem,
  RetryableItemError,
} from '../core/batches/process-batch-item.js';
import type { BatchRecord } from '../core/ports/batch-store.js';
import { batchCompletionMessageSchema } from '../events/batch-completion-message.js';
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
 *   (ChangeMessageVisibility); on the item's last attempt (one receipt before the queue's
 *   maxReceiveCount) it ends as `failed` with its reason. An item received as often as the queue
 *   allows without an end (crashes, a store outage) is handed over to a fresh message carrying its
 *   attempts, so an item the worker can parse never reaches the DLQ.
 * - A quota refusal is no attempt: the item is handed over to a fresh message delayed by the
 *   registry's retry-after.
 * - A message that cannot be parsed is failed at once, every time, so SQS moves it to the DLQ after
 *   the redrive policy's receive count; `npm run batches -- redrive` moves it back.
 * - Completion notices (`batch-completion`) share the queue: one webhook attempt per receipt.
 */
const idempotencyConfig = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: 7 * 86_400 });

class UnparseableMessageError extends Error {}
class WebhookNotDeliveredError extends Error {}

/** Batch records change rarely (a cancellation): each container reads one at most every second. */
const batchCache = new Map<string, { batch: BatchRecord | undefined; readAt: number }>();
async function batchOf(batchId: string, fresh = false): Promise<BatchRecord | undefined> {
  const cached = batchCache.get(batchId);
  if (!fresh && cached && Date.now() - cached.readAt < 1_000) return cached.batch;
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
    async (_key: { id: string }, message: BatchItemMessage, attempt: number, mayHaveRun: boolean) => {
      const { answer, recorded, alreadyDone } = await processBatchItem(
        deps.items,
        message,
        await batchOf(message.batchId),
        { attempt, maxAttempts: deps.maxAttempts, mayHaveRun },
      );
      return { outcome: answer?.outcome ?? (alreadyDone ? 'already-done' : 'dropped'), recorded };
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

/** The function's timeout, as the first invocation saw it: an in-progress record expires within it. */
let functionTimeoutSeconds = 30;

/** Batches with a callback URL whose items this invocation processed: checked for completion at its end. */
type TouchedBatches = Set<string>;

async function processRecord(record: SQSRecord, touched: TouchedBatches): Promise<void> {
  const deps = await batchWorkerDependencies().catch((error: unknown) => {
    logger.error('the batch worker could not start', {
      errorName: (error as Error).name,
      detail: (error as Error).message,
    });
    throw error;
  });
  const receipts = Number(record.attributes.ApproximateReceiveCount ?? '1');
  const body = safeJson(record.body);
  const notice = batchCompletionMessageSchema.safeParse(body);
  if (notice.success) {
    // Like an item, a notice received as often as the queue allows goes on as a fresh message.
    if (receipts >= deps.maxReceiveCount) return deps.batchQueue.enqueueCompletionNotice(notice.data.batchId);
    return deliverNotice(record, notice.data.batchId);
  }

  const parsed = batchItemMessageSchema.safeParse(body);
  if (!parsed.success) {
    logger.error('unparseable batch item message; it goes to the DLQ', {
      messageId: record.messageId,
      receipts,
    });
    metrics.addMetric('BatchItemUnparseable', 'Count', 1);
    await changeVisibility(record, 0);
    throw new UnparseableMessageError('unparseable batch item message');
  }
  const message = parsed.data;
  const attempt = (message.priorAttempts ?? 0) + receipts;

  // The queue moves a message to the DLQ when it is received once more: hand the item over to a fresh
  // message first (this receipt counts as no attempt), and let this one be deleted.
  if (receipts >= deps.maxReceiveCount) {
    await deps.batchQueue.handOver({ ...message, priorAttempts: attempt - 1 }, 0);
    logger.warn('batch item handed over to a fresh message', {
      batchId: message.batchId,
      itemIndex: message.itemIndex,
      attempt,
    });
    metrics.addMetric('BatchItemHandedOver', 'Count', 1);
    return;
  }

  try {
    const processed = await (
      await idempotentItem()
    )({ id: `${message.batchId}:${message.itemIndex}` }, message, attempt, attempt > 1);
    metrics.addMetric(processed.recorded ? 'BatchItemCompleted' : 'BatchItemSkipped', 'Count', 1);
    if (processed.outcome !== 'dropped') touched.add(message.batchId);
  } catch (error) {
    if (error instanceof ItemDeferredError) {
      // Over the registry's quota: the pacer has slowed down; the item comes back after the
      // registry's retry-after with its attempts unchanged.
      await deps.batchQueue.handOver(
        { ...message, priorAttempts: attempt - 1 },
        Math.max(1, error.retryAfterSeconds),
      );
      metrics.addMetric('BatchItemDeferred', 'Count', 1);
      return;
    }
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
    await changeVisibility(
      record,
      inProgress ? functionTimeoutSeconds + 5 : backoffSeconds(attempt, deps.maxBackoffSeconds),
    );
    throw error instanceof RetryableItemError ? error : new RetryableItemError(error);
  }
}

/** One webhook attempt for a completion notice; the notice comes back after the backoff if it failed. */
async function deliverNotice(record: SQSRecord, batchId: string): Promise<void> {
  const deps = await batchWorkerDependencies();
  const { retryAfterMs } = await deliverCompletion(deps.notify, batchId);
  if (retryAfterMs === undefined) return;
  await changeVisibility(record, Math.max(1, retryAfterMs / 1000));
  throw new WebhookNotDeliveredError('the completion webhook will be tried again');
}

/** After the invocation's items: a batch whose last result is in gets its completion notice queued. */
async function noticeCompletedBatches(touched: TouchedBatches): Promise<void> {
  if (touched.size === 0) return;
  const deps = await batchWorkerDependencies();
  for (const batchId of touched) {
    const cached = await batchOf(batchId);
    if (!cached?.callbackUrl || cached.completionNoticeAt !== undefined) continue;
    await noticeIfComplete(deps.notify, await batchOf(batchId, true)).catch((error: unknown) => {
      logger.error('could not queue the batch completion notice', {
        batchId,
        errorName: (error as Error).name,
      });
      throw error;
    });
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
  functionTimeoutSeconds = Math.ceil(context.getRemainingTimeInMillis() / 1000);
  // A processor per invocation: it holds the invocation's records and failures.
  const processor = new BatchProcessor(EventType.SQS);
  const touched: TouchedBatches = new Set();
  const response = await processPartialResponse(
    event,
    (record: SQSRecord) => processRecord(record, touched),
    processor,
    { context, throwOnFullBatchFailure: false },
  );
  // Were the notice not queued, the invocation fails as a whole: its messages come back, and their
  // items (already done) lead here again.
  await noticeCompletedBatches(touched);
  return response;
}

const middleware = middy(batchWorkerHandler)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger));
/**
 * Metrics are published per invocation, unless switched off (locally, where several invocations share
 * one process and one would publish, and then warn about, the metrics of another).
 */
export const handler =
  process.env['POWERTOOLS_METRICS_DISABLED'] === 'true' ? middleware : middleware.use(logMetrics(metrics));
