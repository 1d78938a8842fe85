import type { BatchItem } from '../../events/batch-item-message.js';

export type BatchItemKind = BatchItem['kind'];

/** How one item ended. `not_found` is an answer, not an error; the last three are errors. */
export const itemOutcomes = ['succeeded', 'not_found', 'rejected', 'denied', 'failed'] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];

export type BatchCounts = Record<ItemOutcome, number>;

/** A batch as stored: who submitted it, why, how big, and whether it was cancelled. */
export interface BatchRecord {
  readonly batchId: string;
  readonly clientId: string;
  readonly keyId: string;
  readonly officerId: string;
  readonly purpose: string;
  readonly dossierId?: string;
  readonly total: number;
  readonly createdAt: string;
  /** SHA-256 of the submitted items and callback, to tell an idempotent resubmission from a new one. */
  readonly requestHash: string;
  readonly idempotencyKey?: string;
  readonly callbackUrl?: string;
  /** Set once every item is on the queue; a resubmission of a batch without it enqueues again. */
  readonly enqueuedAt?: string;
  readonly cancelledAt?: string;
  readonly webhook?: WebhookDelivery;
  /** Set once the batch's completion notice was put on the queue (its webhook goes from there). */
  readonly completionNoticeAt?: string;
}

/** Progress: results recorded so far, when the first and the latest were recorded. */
export interface BatchProgress {
  readonly counts: BatchCounts;
  readonly done: number;
  readonly firstResultAt?: string;
  readonly lastResultAt?: string;
}

export interface ItemResult {
  readonly itemIndex: number;
  readonly kind: BatchItemKind;
  readonly outcome: ItemOutcome;
  /** The item's answer, as the synchronous endpoint would give it (without request id). */
  readonly result?: Record<string, unknown>;
  /** Why the item did not succeed (a gateway error kind and a safe message). */
  readonly error?: { readonly kind: string; readonly detail: string };
  readonly attempts: number;
  readonly completedAt: string;
}

/** `pending` while attempts remain; `delivered` or `failed` once it ended. */
export interface WebhookDelivery {
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatusCode?: number;
  readonly at: string;
}

export interface ResultsPage {
  readonly results: readonly ItemResult[];
  /** The last item index of this page, when there may be more. */
  readonly lastIndex?: number;
}

/** Batches, their per-item results and their counters. */
export interface BatchStore {
  /**
   * Stores a new batch. With an idempotency key, a batch already stored under the same client and key
   * is answered instead (`created: false`), whatever its content.
   */
  create(batch: BatchRecord): Promise<{ batch: BatchRecord; created: boolean }>;
  findByIdempotencyKey(clientId: string, idempotencyKey: string): Promise<BatchRecord | undefined>;
  get(batchId: string): Promise<BatchRecord | undefined>;
  progress(batchId: string): Promise<BatchProgress>;
  markEnqueued(batchId: string, at: string): Promise<void>;
  /** Marks the batch cancelled unless it already is; answers the batch as stored afterwards. */
  cancel(batchId: string, at: string): Promise<BatchRecord>;
  /**
   * Records an item's result and counts it, atomically, once: a result already recorded for the item
   * is kept (`recorded: false`).
   */
  recordResult(batchId: string, result: ItemResult): Promise<{ recorded: boolean }>;
  /** Results in item order, after `afterIndex` (exclusive). */
  results(batchId: string, afterIndex: number | undefined, limit: number): Promise<ResultsPage>;
  /** Whether an item's result is recorded already. */
  hasResult(batchId: string, itemIndex: number): Promise<boolean>;
  /** Notes that the completion notice is on the queue (a second note changes nothing). */
  markCompletionNoticed(batchId: string, at: string): Promise<void>;
  /**
   * Claims the next webhook delivery attempt until `leaseUntil` (ISO time): answers its number (1, 2, …),
   * or undefined while another worker's attempt holds the lease or once the delivery has ended.
   */
  claimWebhookAttempt(batchId: string, at: string, leaseUntil: string): Promise<number | undefined>;
  /** Records how the latest attempt went, and releases its lease. */
  recordWebhook(batchId: string, delivery: WebhookDelivery): Promise<void>;
}
