import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
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

/** Counter items per batch: results are counted on `itemIndex % counterShards`, so that concurrent
 * workers rarely update the same item (a transaction that meets another on one item is refused). */
const counterShards = 8;
const indexWidth = 6;

export interface DynamoDbBatchStoreOptions {
  readonly tableName: string;
  /** How long batches and their results (personal data) are kept. */
  readonly retentionDays: number;
  /**
   * How long a result may wait for others of its batch to be written with them in one transaction
   * (the worker: fewer round trips per item); 0 (the default) writes each at once.
   */
  readonly coalesceResultsMs?: number;
}

/** Results written in one transaction at most (with their counter update, within DynamoDB's limit). */
const maxResultsPerWrite = 24;

interface PendingResult {
  readonly result: ItemResult;
  readonly resolve: (answer: { recorded: boolean }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Batches in one DynamoDB table, one item collection per batch: `BATCH#<id>` holds `META` (the
 * batch), `COUNTER#<n>` (counts per outcome) and `ITEM#<index>` (results, so a query reads them in
 * item order). `IDEMPOTENCY#<client>#<hash of key>` maps an Idempotency-Key to its batch. Everything
 * expires after the retention period.
 */
export class DynamoDbBatchStore implements BatchStore {
  private readonly pendingResults = new Map<
    string,
    { entries: PendingResult[]; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly options: DynamoDbBatchStoreOptions,
  ) {}

  private get tableName() {
    return this.options.tableName;
  }

  private expiresAt(from: string): number {
    return Math.floor(Date.parse(from) / 1000) + this.options.retentionDays * 86_400;
  }

  async create(batch: BatchRecord): Promise<{ batch: BatchRecord; created: boolean }> {
    const expiresAt = this.expiresAt(batch.createdAt);
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            ...(batch.idempotencyKey === undefined
              ? []
              : [
                  {
                    Put: {
                      TableName: this.tableName,
                      Item: {
                        pk: idempotencyPk(batch.clientId, batch.idempotencyKey),
                        sk: 'META',
                        batchId: batch.batchId,
                        expiresAt,
                      },
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                ]),
            {
              Put: {
                TableName: this.tableName,
                Item: { pk: batchPk(batch.batchId), sk: 'META', ...batch, expiresAt },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return { batch, created: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || batch.idempotencyKey === undefined) throw error;
      const existing = await this.findByIdempotencyKey(batch.clientId, batch.idempotencyKey);
      if (!existing) throw error;
      return { batch: existing, created: false };
    }
  }

  async findByIdempotencyKey(clientId: string, idempotencyKey: string): Promise<BatchRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: idempotencyPk(clientId, idempotencyKey), sk: 'META' },
        ConsistentRead: true,
      }),
    );
    return typeof Item?.['batchId'] === 'string' ? this.get(Item['batchId']) : undefined;
  }

  async get(batchId: string): Promise<BatchRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: batchPk(batchId), sk: 'META' },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, expiresAt: _e, webhookLeaseUntil: _l, webhookAttempts: _a, ...batch } = Item;
    return batch as BatchRecord;
  }

  async progress(batchId: string): Promise<BatchProgress> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :counter)',
        ExpressionAttributeValues: { ':pk': batchPk(batchId), ':counter': 'COUNTER#' },
        ConsistentRead: true,
      }),
    );
    const counts = Object.fromEntries(itemOutcomes.map((outcome) => [outcome, 0])) as Record<
      keyof BatchCounts,
      number
    >;
    let done = 0;
    let firstResultAt: string | undefined;
    let lastResultAt: string | undefined;
    for (const item of Items) {
      for (const outcome of itemOutcomes) counts[outcome] += Number(item[outcome] ?? 0);
      done += Number(item['done'] ?? 0);
      const first = item['firstResultAt'] as string | undefined;
      const last = item['lastResultAt'] as string | undefined;
      if (first && (!firstResultAt || first < firstResultAt)) firstResultAt = first;
      if (last && (!lastResultAt || last > lastResultAt)) lastResultAt = last;
    }
    return {
      counts,
      done,
      ...(firstResultAt ? { firstResultAt } : {}),
      ...(lastResultAt ? { lastResultAt } : {}),
    };
  }

  async markEnqueued(batchId: string, at: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: batchPk(batchId), sk: 'META' },
        UpdateExpression: 'SET enqueuedAt = :at',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async cancel(batchId: string, at: string): Promise<BatchRecord> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: batchPk(batchId), sk: 'META' },
          UpdateExpression: 'SET cancelledAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(cancelledAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const batch = await this.get(batchId);
    if (!batch) throw new Error(`batch ${batchId} vanished`);
    return batch;
  }

  /**
   * With `coalesceResultsMs`, results of one batch recorded within that time (up to
   * `maxResultsPerWrite`) are written in one transaction, counted with one update of a counter shard.
   */
  recordResult(batchId: string, result: ItemResult): Promise<{ recorded: boolean }> {
    return new Promise((resolve, reject) => {
      const waitMs = this.options.coalesceResultsMs ?? 0;
      let group = this.pendingResults.get(batchId);
      if (!group) {
        group = { entries: [], timer: setTimeout(() => this.flushResults(batchId), waitMs) };
        this.pendingResults.set(batchId, group);
      }
      group.entries.push({ result, resolve, reject });
      if (waitMs === 0 || group.entries.length >= maxResultsPerWrite) this.flushResults(batchId);
    });
  }

  private flushResults(batchId: string): void {
    const group = this.pendingResults.get(batchId);
    if (!group) return;
    clearTimeout(group.timer);
    this.pendingResults.delete(batchId);
    void this.writeResults(batchId, group.entries);
  }

  /**
   * Writes results and their counts in one transaction; each result only if its item has none yet.
   * A result already recorded (its put's condition failed) is answered `recorded: false` and the
   * others are written again without it; a transaction that met another worker's on the counter
   * shard is tried again shortly.
   */
  private async writeResults(batchId: string, entries: readonly PendingResult[]): Promise<void> {
    const seen = new Set<number>();
    let pending: PendingResult[] = [];
    for (const entry of entries) {
      // One transaction may not touch an item twice: a second result for an item in the group is a repeat.
      if (seen.has(entry.result.itemIndex)) entry.resolve({ recorded: false });
      else {
        seen.add(entry.result.itemIndex);
        pending.push(entry);
      }
    }
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      try {
        await this.documents.send(
          new TransactWriteCommand({ TransactItems: this.resultWrites(batchId, pending) }),
        );
        for (const entry of pending) entry.resolve({ recorded: true });
        return;
      } catch (error) {
        const reasons =
          error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined;
        const repeated = pending.filter((_, index) => reasons?.[index]?.Code === 'ConditionalCheckFailed');
        // Another worker's transaction held the counter shard: try again shortly.
        const conflicted = reasons !== undefined && repeated.length === 0 && attempt < 8;
        if (repeated.length === 0 && !conflicted) {
          for (const entry of pending) entry.reject(error);
          return;
        }
        for (const entry of repeated) entry.resolve({ recorded: false });
        pending = pending.filter((entry) => !repeated.includes(entry));
        if (conflicted)
          await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }

  private resultWrites(batchId: string, entries: readonly PendingResult[]) {
    const results = entries.map((entry) => entry.result);
    const counts = new Map<string, number>();
    for (const result of results) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
    const times = results.map((result) => result.completedAt).sort();
    const last = times.at(-1) as string;
    const outcomes = [...counts.keys()];
    return [
      ...results.map((result) => ({
        Put: {
          TableName: this.tableName,
          Item: {
            pk: batchPk(batchId),
            sk: itemSk(result.itemIndex),
            ...result,
            expiresAt: this.expiresAt(result.completedAt),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      {
        Update: {
          TableName: this.tableName,
          Key: {
            pk: batchPk(batchId),
            sk: `COUNTER#${(results[0] as ItemResult).itemIndex % counterShards}`,
          },
          UpdateExpression: `ADD done :done, ${outcomes.map((_, i) => `#outcome${i} :count${i}`).join(', ')} SET firstResultAt = if_not_exists(firstResultAt, :first), lastResultAt = :last, expiresAt = :expiresAt`,
          ExpressionAttributeNames: Object.fromEntries(
            outcomes.map((outcome, i) => [`#outcome${i}`, outcome]),
          ),
          ExpressionAttributeValues: {
            ':done': results.length,
            ...Object.fromEntries(outcomes.map((outcome, i) => [`:count${i}`, counts.get(outcome)])),
            ':first': times[0],
            ':last': last,
            ':expiresAt': this.expiresAt(last),
          },
        },
      },
    ];
  }

  async results(batchId: string, afterIndex: number | undefined, limit: number): Promise<ResultsPage> {
    const { Items = [], LastEvaluatedKey } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': batchPk(batchId),
          ':from': itemSk(afterIndex === undefined ? 0 : afterIndex + 1),
          ':to': itemSk(10 ** indexWidth - 1),
        },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    const results = Items.map(({ pk: _pk, sk: _sk, expiresAt: _e, ...result }) => result as ItemResult);
    const last = results.at(-1);
    return { results, ...(LastEvaluatedKey && last ? { lastIndex: last.itemIndex } : {}) };
  }

  async hasResult(batchId: string, itemIndex: number): Promise<boolean> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: batchPk(batchId), sk: itemSk(itemIndex) },
        ProjectionExpression: 'pk',
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }

  async markCompletionNoticed(batchId: string, at: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: batchPk(batchId), sk: 'META' },
        UpdateExpression: 'SET completionNoticeAt = if_not_exists(completionNoticeAt, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async claimWebhookAttempt(batchId: string, at: string, leaseUntil: string): Promise<number | undefined> {
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: batchPk(batchId), sk: 'META' },
          UpdateExpression: 'SET webhookLeaseUntil = :until ADD webhookAttempts :one',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(webhook) OR webhook.#status = :pending) AND (attribute_not_exists(webhookLeaseUntil) OR webhookLeaseUntil < :at)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':until': leaseUntil, ':one': 1, ':pending': 'pending', ':at': at },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.['webhookAttempts']);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async recordWebhook(batchId: string, delivery: WebhookDelivery): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: batchPk(batchId), sk: 'META' },
        UpdateExpression: 'SET webhook = :delivery REMOVE webhookLeaseUntil',
        ExpressionAttributeValues: { ':delivery': delivery },
      }),
    );
  }
}

const batchPk = (batchId: string) => `BATCH#${batchId}`;
const itemSk = (index: number) => `ITEM#${String(index).padStart(indexWidth, '0')}`;
/** Keys are the client's strings: hashed, so their length and content never shape our keys. */
const idempotencyPk = (clientId: string, key: string) =>
  `IDEMPOTENCY#${clientId}#${createHash('sha256').update(key).digest('hex')}`;
