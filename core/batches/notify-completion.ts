import type { BatchWebhook } from '../../schemas/batches.js';
import type { BatchStore } from '../ports/batch-store.js';
import type { Clock } from '../ports/clock.js';
import type { WebhookSender } from '../ports/webhook-sender.js';
import { statusOf } from './view-batch.js';

export interface NotifyCompletionDependencies {
  readonly batchStore: BatchStore;
  readonly webhookSender: WebhookSender;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Delays before the 2nd, 3rd and 4th delivery attempts. */
export const webhookBackoffMs = [1_000, 2_000, 4_000] as const;

/**
 * Once every item of a batch has its result, tells the client's callback URL (if it gave one).
 *
 * Primary course:
 *  1. Nothing to do while results are missing, or without a callback URL.
 *  2. Claim the delivery, so that of two workers finishing at once only one sends it.
 *  3. POST the signed body; on no answer or a non-2xx answer, try again with backoff (4 attempts).
 *  4. Record how the delivery ended (delivered or failed, attempts, last status) on the batch.
 */
export async function notifyIfComplete(deps: NotifyCompletionDependencies, batchId: string): Promise<void> {
  const [batch, progress] = await Promise.all([
    deps.batchStore.get(batchId),
    deps.batchStore.progress(batchId),
  ]);
  if (!batch?.callbackUrl || progress.done < batch.total) return;
  if (!(await deps.batchStore.claimWebhook(batchId, deps.clock.now().toISOString()))) return;

  const webhook: BatchWebhook = {
    type: 'batch.completed',
    batchId,
    status: statusOf(batch, progress),
    total: batch.total,
    counts: progress.counts,
    completedAt: progress.lastResultAt ?? deps.clock.now().toISOString(),
  };
  const body = JSON.stringify(webhook);
  let lastStatusCode: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    lastStatusCode = await deps.webhookSender.send(batch.callbackUrl, body, batch.clientId);
    const delivered = lastStatusCode !== undefined && lastStatusCode >= 200 && lastStatusCode < 300;
    if (delivered || attempt > webhookBackoffMs.length) {
      await deps.batchStore.recordWebhook(batchId, {
        status: delivered ? 'delivered' : 'failed',
        attempts: attempt,
        ...(lastStatusCode === undefined ? {} : { lastStatusCode }),
        at: deps.clock.now().toISOString(),
      });
      return;
    }
    await deps.sleep(webhookBackoffMs[attempt - 1] as number);
  }
}
