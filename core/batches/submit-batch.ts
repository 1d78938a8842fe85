import { createHash } from 'node:crypto';
import type { BatchItemMessage } from '../../events/batch-item-message.js';
import type { BatchItem } from '../../schemas/batches.js';
import type { Caller } from '../../schemas/clients.js';
import { admitBatch, type AdmissionDependencies } from '../access/admit-request.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import type { AccessEnvelope } from '../ports/access-envelope.js';
import type { BatchQueue } from '../ports/batch-queue.js';
import type { BatchRecord, BatchStore } from '../ports/batch-store.js';
import { operationOfKind } from './batch-operations.js';

export interface SubmitBatchDependencies extends AdmissionDependencies {
  readonly batchStore: BatchStore;
  readonly batchQueue: BatchQueue;
  readonly newBatchId: () => string;
}

export interface BatchSubmission {
  /** Every item already validated with its endpoint's schema. */
  readonly items: readonly BatchItem[];
  readonly callbackUrl?: string;
  readonly idempotencyKey?: string;
}

/**
 * Accepts a batch and puts its items on the queue.
 *
 * Primary course:
 *  1. With an `Idempotency-Key` already used by this client: answer that batch (a different body under
 *     the same key is the client's mistake); if its items never all reached the queue, enqueue them
 *     again — the worker's per-item idempotency makes a repeated item harmless.
 *  2. Admit the batch: `batch:submit`, the scope of every kind of item, the purpose, and all its items
 *     against the daily quota at once.
 *  3. Store the batch record (status and counters live beside it), enqueue every item, mark it enqueued.
 */
export async function submitBatch(
  deps: SubmitBatchDependencies,
  submission: BatchSubmission,
  envelope: AccessEnvelope,
  caller: Caller,
): Promise<{ batch: BatchRecord; created: boolean }> {
  const requestHash = hashOf(submission, envelope);
  if (submission.idempotencyKey !== undefined) {
    const existing = await deps.batchStore.findByIdempotencyKey(caller.clientId, submission.idempotencyKey);
    if (existing)
      return { batch: await resumed(deps, existing, requestHash, submission, caller), created: false };
  }

  await admitBatch(
    deps,
    caller,
    submission.items.map((item) => operationOfKind[item.kind]),
    envelope.purpose,
    submission.items.length,
  );

  const batch: BatchRecord = {
    batchId: deps.newBatchId(),
    clientId: caller.clientId,
    keyId: caller.keyId,
    officerId: envelope.officerId,
    purpose: envelope.purpose,
    ...(envelope.dossierId === undefined ? {} : { dossierId: envelope.dossierId }),
    total: submission.items.length,
    createdAt: deps.clock.now().toISOString(),
    requestHash,
    ...(submission.idempotencyKey === undefined ? {} : { idempotencyKey: submission.idempotencyKey }),
    ...(submission.callbackUrl === undefined ? {} : { callbackUrl: submission.callbackUrl }),
  };
  const stored = await deps.batchStore.create(batch);
  // Another submission with the same key won the race: answer its batch.
  if (!stored.created)
    return { batch: await resumed(deps, stored.batch, requestHash, submission, caller), created: false };
  await enqueueAll(deps, batch, submission.items, caller);
  return { batch: { ...batch, enqueuedAt: deps.clock.now().toISOString() }, created: true };
}

async function resumed(
  deps: SubmitBatchDependencies,
  existing: BatchRecord,
  requestHash: string,
  submission: BatchSubmission,
  caller: Caller,
): Promise<BatchRecord> {
  if (existing.requestHash !== requestHash) {
    throw new InvalidRequestError([
      {
        field: 'header:idempotency-key',
        rule: 'reused',
        message: 'This Idempotency-Key was already used for a different batch',
      },
    ]);
  }
  if (existing.enqueuedAt === undefined && existing.cancelledAt === undefined) {
    await enqueueAll(deps, existing, submission.items, caller);
    return { ...existing, enqueuedAt: deps.clock.now().toISOString() };
  }
  return existing;
}

async function enqueueAll(
  deps: SubmitBatchDependencies,
  batch: BatchRecord,
  items: readonly BatchItem[],
  caller: Caller,
): Promise<void> {
  const messages: BatchItemMessage[] = items.map((item, itemIndex) => ({
    version: 1,
    batchId: batch.batchId,
    itemIndex,
    caller,
    envelope: {
      officerId: batch.officerId,
      purpose: batch.purpose,
      ...(batch.dossierId === undefined ? {} : { dossierId: batch.dossierId }),
    },
    item,
  }));
  await deps.batchQueue.enqueue(messages);
  await deps.batchStore.markEnqueued(batch.batchId, deps.clock.now().toISOString());
}

/** What makes two submissions the same batch: the items, the callback and the purpose envelope. */
function hashOf(submission: BatchSubmission, envelope: AccessEnvelope): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        submission.items,
        submission.callbackUrl ?? null,
        envelope.officerId,
        envelope.purpose,
        envelope.dossierId ?? null,
      ]),
    )
    .digest('hex');
}
