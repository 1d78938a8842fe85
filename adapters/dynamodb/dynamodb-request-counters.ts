import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CountedRequest, RequestCounters } from '../../core/ports/request-counters.js';
import { timeStage } from '../resilience/upstream-timing.js';

/**
 * Fixed-window counters in DynamoDB: one conditional `ADD` per request and window, so the count is
 * exact across every container; a refused request does not count. Items expire with the window
 * (TTL; DynamoDB Local never expires them, which only costs disk).
 */
export class DynamoDbRequestCounters implements RequestCounters {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async count(
    counter: string,
    windowStart: number,
    windowSeconds: number,
    limit: number,
    amount = 1,
  ): Promise<CountedRequest> {
    const resetAt = windowStart + windowSeconds;
    if (amount > limit) return { allowed: false, remaining: 0, resetAt };
    try {
      const { Attributes } = await timeStage('admission', () =>
        this.documents.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: `${counter}#${windowStart}` },
            UpdateExpression: 'ADD requests :amount SET expiresAt = :expiresAt',
            ConditionExpression: 'attribute_not_exists(requests) OR requests <= :most',
            ExpressionAttributeValues: {
              ':amount': amount,
              ':most': limit - amount,
              ':expiresAt': resetAt + 60,
            },
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      return {
        allowed: true,
        remaining: Math.max(0, limit - Number(Attributes?.['requests'] ?? limit)),
        resetAt,
      };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { allowed: false, remaining: 0, resetAt };
      throw error;
    }
  }

  async release(counter: string, windowStart: number, amount = 1): Promise<void> {
    await timeStage('admission', () =>
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `${counter}#${windowStart}` },
          UpdateExpression: 'ADD requests :minus',
          ConditionExpression: 'attribute_exists(requests)',
          ExpressionAttributeValues: { ':minus': -amount },
        }),
      ),
    );
  }
}
