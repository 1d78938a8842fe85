import type { BatchWebhook } from '../../schemas/batches.js';
import type { BatchQueue } from '../ports/batch-queue.js';
import type { BatchRecord, BatchStore } from '../ports/batch-store.js';
import type { Clock } from '../ports/clock.js';
import type { WebhookSender } from '../ports/webhook-sender.js';
import { statusOf } from './view-batch.js';

export interface NotifyCompletionDependencies {
  readonly batchStore: BatchStore;
  readonly batchQueue: Pick<BatchQueue, 'enqueueCompletionNotice'>;
  readonly webhookSender: WebhookSender;
  readonly clock: Clock;
}

/** Delays before the 2nd, 3rd and 4th delivery attempts: the webhook is tried 4 times in all. */
export const webhookBackoffMs = [1_000, 2_000, 4_000] as const;
export const webhookMaxAttempts = webhookBackoffMs.length + 1;
/** How long one attempt holds the delivery: a worker that crashed mid-attempt frees it after this. */
export const webhookLeaseMs = 30_000;

/**
 * Once every item of a batch has its result, puts the batch's completion notice on the queue (if it
 * has a callback URL). Called after any item of the batch was processed, also for a redelivered item
 * already done, so a worker that crashed between the last result and the notice is made good by the
 * redelivery. Two workers finishing at once may both put one: the delivery is claimed per attempt.
 */
export async function noticeIfComplete(
  deps: NotifyCompletionDependencies,
  batch: BatchRecord | undefined,
): Promise<boolean> {
  if (!batch?.callbackUrl || batch.completionNoticeAt !== undefined) return false;
  const progress = await deps.batchStore.progress(batch.batchId);
  if (progress.done < batch.total) return false;
  await deps.batchQueue.enqueueCompletionNotice(batch.batchId);
  await deps.batchStore.markCompletionNoticed(batch.batchId, deps.clock.now().toISOString());
  return true;
}

/**
 * Delivers the `batch.completed` webhook of one completion notice: one attempt per receipt of the
 * notice; answers after how long the notice should come back, or undefined once it is done with.
 *
 * Primary course:
 *  1. Nothing to do without a callback URL, or once the delivery has ended (delivered or failed).
 *  2. Claim the next attempt (a lease, so two notices of one batch never deliver at once, and a
 *     worker that crashed mid-attempt frees it when the lease runs out).
 *  3. POST the signed body; record the attempt (number, status) on the batch: `delivered` on a 2xx,
 *     `failed` after the 4th attempt, `pending` otherwise, and come back after the backoff.
 */
export async function deliverCompletion(
  deps: NotifyCompletionDependencies,
  batchId: string,
): Promise<{ retryAfterMs?: number }> {
  const batch = await deps.batchStore.get(batchId);
  if (!batch?.callbackUrl || batch.webhook?.status === 'delivered' || batch.webhook?.status === 'failed')
    return {};
  const now = deps.clock.now();
  const attempt = await deps.batchStore.claimWebhookAttempt(
    batchId,
    now.toISOString(),
    new Date(now.getTime() + webhookLeaseMs).toISOString(),
  );
  // Another worker holds this attempt: look again once its lease may have ended.
  if (attempt === undefined) return { retryAfterMs: webhookLeaseMs };

  const progress = await deps.batchStore.progress(batchId);
  const webhook: BatchWebhook = {
    type: 'batch.completed',
    batchId,
    status: statusOf(batch, progress),
    total: batch.total,
    counts: progress.counts,
    completedAt: progress.lastResultAt ?? now.toISOString(),
  };
  const lastStatusCode = await deps.webhookSender.send(
    batch.callbackUrl,
    JSON.stringify(webhook),
    batch.clientId,
  );
  const delivered = lastStatusCode !== undefined && lastStatusCode >= 200 && lastStatusCode < 300;
  const ended = delivered || attempt >= webhookMaxAttempts;
  await deps.batchStore.recordWebhook(batchId, {
    status: delivered ? 'delivered' : ended ? 'failed' : 'pending',
    attempts: attempt,
    ...(lastStatusCode === undefined ? {} : { lastStatusCode }),
    at: deps.clock.now().toISOString(),
  });
  return ended ? {} : { retryAfterMs: webhookBackoffMs[attempt - 1] as number };
}
