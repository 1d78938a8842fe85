import type { BatchStatus } from '../../schemas/batches.js';
import type { Caller } from '../../schemas/clients.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { BatchProgress, BatchRecord, BatchStore, ItemResult } from '../ports/batch-store.js';
import type { Clock } from '../ports/clock.js';

export interface ViewBatchDependencies {
  readonly batchStore: BatchStore;
  readonly clock: Clock;
}

export interface BatchView {
  readonly batch: BatchRecord;
  readonly progress: BatchProgress;
  readonly status: BatchStatus;
  readonly estimatedSecondsRemaining?: number;
}

/**
 * The batch, if the caller may see it: only the client that submitted it, or an `admin`. Anyone else
 * is told it does not exist, so batch ids reveal nothing about other clients.
 */
export async function batchFor(
  deps: ViewBatchDependencies,
  batchId: string,
  caller: Caller,
): Promise<BatchRecord> {
  const batch = await deps.batchStore.get(batchId);
  if (!batch || (batch.clientId !== caller.clientId && !caller.policy.scopes.includes('admin'))) {
    throw new NotFoundError('batch');
  }
  return batch;
}

/** A batch's status, counts per outcome, progress and expected time to completion. */
export async function viewBatch(
  deps: ViewBatchDependencies,
  batchId: string,
  caller: Caller,
): Promise<BatchView> {
  const batch = await batchFor(deps, batchId, caller);
  const progress = await deps.batchStore.progress(batchId);
  const status = statusOf(batch, progress);
  return { batch, progress, status, ...estimate(deps.clock, batch, progress, status) };
}

export function statusOf(batch: BatchRecord, progress: BatchProgress): BatchStatus {
  if (batch.cancelledAt !== undefined && progress.done < batch.total) return 'cancelled';
  if (progress.done >= batch.total) {
    const { rejected, denied, failed } = progress.counts;
    return rejected + denied + failed > 0 ? 'completed_with_errors' : 'completed';
  }
  return progress.done > 0 ? 'running' : 'queued';
}

/** From the pace since the first result: the items left at the rate seen so far. */
function estimate(clock: Clock, batch: BatchRecord, progress: BatchProgress, status: BatchStatus) {
  if (status !== 'running' || progress.firstResultAt === undefined) return {};
  const elapsed = (clock.now().getTime() - Date.parse(progress.firstResultAt)) / 1000;
  if (elapsed <= 0 || progress.done < 2) return {};
  const perSecond = progress.done / elapsed;
  return { estimatedSecondsRemaining: Math.ceil((batch.total - progress.done) / perSecond) };
}

/** One page of results in item order, after `afterIndex`. */
export async function batchResults(
  deps: ViewBatchDependencies,
  batchId: string,
  caller: Caller,
  page: { afterIndex?: number; limit: number },
): Promise<{ view: BatchView; results: readonly ItemResult[]; lastIndex?: number }> {
  const view = await viewBatch(deps, batchId, caller);
  const { results, lastIndex } = await deps.batchStore.results(batchId, page.afterIndex, page.limit);
  return { view, results, ...(lastIndex === undefined ? {} : { lastIndex }) };
}

/**
 * Every result of a batch in item order (for the CSV export): the caller is checked once, then the
 * store is read page by page.
 */
export async function allBatchResults(
  deps: ViewBatchDependencies,
  batchId: string,
  caller: Caller,
): Promise<readonly ItemResult[]> {
  await batchFor(deps, batchId, caller);
  const all: ItemResult[] = [];
  let afterIndex: number | undefined;
  do {
    const page = await deps.batchStore.results(batchId, afterIndex, 1000);
    all.push(...page.results);
    afterIndex = page.lastIndex;
  } while (afterIndex !== undefined);
  return all;
}

/**
 * Cancels what has not run: items already done keep their results; the worker drops the rest as it
 * meets them. Cancelling a finished or cancelled batch changes nothing.
 */
export async function cancelBatch(
  deps: ViewBatchDependencies,
  batchId: string,
  caller: Caller,
): Promise<BatchView> {
  const batch = await batchFor(deps, batchId, caller);
  const progress = await deps.batchStore.progress(batchId);
  if (progress.done < batch.total && batch.cancelledAt === undefined) {
    await deps.batchStore.cancel(batchId, deps.clock.now().toISOString());
  }
  return viewBatch(deps, batchId, caller);
}
