import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BusinessRecordCache, CachedBusinessRecord } from '../../core/ports/business-record-cache.js';
import type { Clock } from '../../core/ports/clock.js';
import { businessRecordSchema } from '../../schemas/business-records.js';

export interface DynamoDbBusinessRecordCacheOptions {
  readonly tableName: string;
  /** How long a record is served from the cache. */
  readonly ttlSeconds: number;
  readonly clock: Clock;
}

interface CacheItem {
  pk: string;
  record: unknown;
  retrievedAt: string;
  /** Epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: number;
}

/**
 * Business records in the registry cache table (`BUSINESS#<enterprise code>`). DynamoDB deletes
 * expired items only eventually (and DynamoDB Local never), so an item past its `expiresAt` is a
 * miss here. An item that no longer fits the record schema (written by an older release) is a miss
 * too, and is overwritten by the next lookup.
 */
export class DynamoDbBusinessRecordCache implements BusinessRecordCache {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly options: DynamoDbBusinessRecordCacheOptions,
  ) {}

  async get(enterpriseCode: string): Promise<CachedBusinessRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.options.tableName, Key: { pk: keyOf(enterpriseCode) } }),
    );
    const item = Item as CacheItem | undefined;
    if (item === undefined || item.expiresAt <= this.nowSeconds()) return undefined;
    const record = businessRecordSchema.safeParse(item.record);
    return record.success ? { record: record.data, retrievedAt: item.retrievedAt } : undefined;
  }

  async put(entry: CachedBusinessRecord): Promise<void> {
    const item: CacheItem = {
      pk: keyOf(entry.record.enterpriseCode),
      record: entry.record,
      retrievedAt: entry.retrievedAt,
      expiresAt: this.nowSeconds() + this.options.ttlSeconds,
    };
    await this.documents.send(new PutCommand({ TableName: this.options.tableName, Item: item }));
  }

  private nowSeconds(): number {
    return Math.floor(this.options.clock.now().getTime() / 1000);
  }
}

const keyOf = (enterpriseCode: string) => `BUSINESS#${enterpriseCode}`;
