import type { BatchItemMessage } from '../../events/batch-item-message.js';
import type { BatchQueue } from '../../core/ports/batch-queue.js';
import {
  itemOutcomes,
  type BatchCounts,
  type BatchProgress,
  type BatchRecord,
  type BatchStore,
  type ItemResult,
  type ResultsPage,
  type WebhookDelivery,
} from '../../core/ports/batch-store.js';
import type { Clock } from '../../core/ports/clock.js';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-07-01T02:00:00.000Z'): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/** The batch store port in memory, with the DynamoDB store's rules (a result is recorded once, ...). */
export class InMemoryBatchStore implements BatchStore {
  readonly batches = new Map<
    string,
    BatchRecord & { webhookAttempts?: number; webhookLeaseUntil?: string }
  >();
  readonly resultsByBatch = new Map<string, Map<number, ItemResult>>();
  private readonly keys = new Map<string, string>();

  async create(batch: BatchRecord) {
    if (batch.idempotencyKey !== undefined) {
      const existing = this.keys.get(`${batch.clientId}#${batch.idempotencyKey}`);
      if (existing) return { batch: this.batches.get(existing) as BatchRecord, created: false };
      this.keys.set(`${batch.clientId}#${batch.idempotencyKey}`, batch.batchId);
    }
    this.batches.set(batch.batchId, { ...batch });
    return { batch, created: true };
  }

  async findByIdempotencyKey(clientId: string, key: string) {
    const batchId = this.keys.get(`${clientId}#${key}`);
    return batchId === undefined ? undefined : this.get(batchId);
  }

  async get(batchId: string): Promise<BatchRecord | undefined> {
    const stored = this.batches.get(batchId);
    if (!stored) return undefined;
    const { webhookAttempts: _a, webhookLeaseUntil: _l, ...batch } = stored;
    return batch;
  }

  async progress(batchId: string): Promise<BatchProgress> {
    const counts = Object.fromEntries(itemOutcomes.map((o) => [o, 0])) as Record<keyof BatchCounts, number>;
    const results = [...(this.resultsByBatch.get(batchId)?.values() ?? [])];
    for (const result of results) counts[result.outcome] += 1;
    const times = results.map((r) => r.completedAt).sort();
    return {
      counts,
      done: results.length,
      ...(times.length > 0
        ? { firstResultAt: times[0] as string, lastResultAt: times.at(-1) as string }
        : {}),
    };
  }

  async markEnqueued(batchId: string, at: string) {
    this.update(batchId, { enqueuedAt: at });
  }

  async cancel(batchId: string, at: string) {
    const batch = this.batches.get(batchId);
    if (batch && batch.cancelledAt === undefined) this.update(batchId, { cancelledAt: at });
    return (await this.get(batchId)) as BatchRecord;
  }

  async recordResult(batchId: string, result: ItemResult) {
    const results = this.resultsByBatch.get(batchId) ?? new Map<number, ItemResult>();
    this.resultsByBatch.set(batchId, results);
    if (results.has(result.itemIndex)) return { recorded: false };
    results.set(result.itemIndex, result);
    return { recorded: true };
  }

  async results(batchId: string, afterIndex: number | undefined, limit: number): Promise<ResultsPage> {
    const all = [...(this.resultsByBatch.get(batchId)?.values() ?? [])]
      .filter((r) => afterIndex === undefined || r.itemIndex > afterIndex)
      .sort((a, b) => a.itemIndex - b.itemIndex);
    const results = all.slice(0, limit);
    return { results, ...(all.length > limit ? { lastIndex: results.at(-1)?.itemIndex as number } : {}) };
  }

  async hasResult(batchId: string, itemIndex: number) {
    return this.resultsByBatch.get(batchId)?.has(itemIndex) ?? false;
  }

  async markCompletionNoticed(batchId: string, at: string) {
    const batch = this.batches.get(batchId);
    if (batch && batch.completionNoticeAt === undefined) this.update(batchId, { completionNoticeAt: at });
  }

  async claimWebhookAttempt(batchId: string, at: string, leaseUntil: string) {
    const batch = this.batches.get(batchId);
    if (!batch || (batch.webhook && batch.webhook.status !== 'pending')) return undefined;
    if (batch.webhookLeaseUntil !== undefined && batch.webhookLeaseUntil >= at) return undefined;
    const attempts = (batch.webhookAttempts ?? 0) + 1;
    this.batches.set(batchId, { ...batch, webhookAttempts: attempts, webhookLeaseUntil: leaseUntil });
    return attempts;
  }

  async recordWebhook(batchId: string, delivery: WebhookDelivery) {
    const { webhookLeaseUntil: _l, ...batch } = this.batches.get(batchId) as BatchRecord & {
      webhookLeaseUntil?: string;
    };
    this.batches.set(batchId, { ...batch, webhook: delivery });
  }

  private update(batchId: string, change: Partial<BatchRecord>) {
    const batch = this.batches.get(batchId);
    if (batch) this.batches.set(batchId, { ...batch, ...change });
  }
}

/** The batch queue port in memory: what was enqueued, handed over and noticed, in order. */
export class InMemoryBatchQueue implements BatchQueue {
  readonly messages: BatchItemMessage[] = [];
  readonly handedOver: { message: BatchItemMessage; delaySeconds: number }[] = [];
  readonly completionNotices: string[] = [];
  enqueueCalls = 0;

  async enqueue(messages: readonly BatchItemMessage[]) {
    this.enqueueCalls += 1;
    this.messages.push(...messages);
  }

  async handOver(message: BatchItemMessage, delaySeconds: number) {
    this.handedOver.push({ message, delaySeconds });
  }

  async enqueueCompletionNotice(batchId: string) {
    this.completionNotices.push(batchId);
  }
}
