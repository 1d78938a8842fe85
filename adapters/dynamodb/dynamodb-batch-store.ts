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
}

/**
 * Batches in one DynamoDB table, one item collection per batch: `BATCH#<id>` holds `META` (the
 * batch), `COUNTER#<n>` (counts per outcome) and `ITEM#<index>` (results, so a query reads them in
 * item order). `IDEMPOTENCY#<client>#<hash of key>` maps an Idempotency-Key to its batch. Everything
 * expires after the retention period.
 */
export class DynamoDbBatchStore implements BatchStore {
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

  async recordResult(batchId: string, result: ItemResult): Promise<{ recorded: boolean }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.documents.send(
          new TransactWriteCommand({
            TransactItems: [
              {
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
              },
              {
                Update: {
                  TableName: this.tableName,
                  Key: { pk: batchPk(batchId), sk: `COUNTER#${result.itemIndex % counterShards}` },
                  UpdateExpression:
                    'ADD done :one, #outcome :one SET firstResultAt = if_not_exists(firstResultAt, :at), lastResultAt = :at, expiresAt = :expiresAt',
                  ExpressionAttributeNames: { '#outcome': result.outcome },
                  ExpressionAttributeValues: {
                    ':one': 1,
                    ':at': result.completedAt,
                    ':expiresAt': this.expiresAt(result.completedAt),
                  },
                },
              },
            ],
          }),
        );
        return { recorded: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [put] = error.CancellationReasons ?? [];
        if (put?.Code === 'ConditionalCheckFailed') return { recorded: false };
        // Another worker's transaction held a counter item: try again shortly.
        if (attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
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
