import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RegistryName } from '../../core/ports/registry-name.js';
import type { RegistryStatusBoard, RegistryStatusReport } from '../../core/ports/registry-status-board.js';

/** How long a report is kept: a container that stopped reporting stops counting. */
const reportLifetimeSeconds = 300;

/**
 * The registry status board in DynamoDB: one item per registry and reporting container (overwritten
 * by each report), expiring a few minutes after the container's last word.
 */
export class DynamoDbRegistryStatusBoard implements RegistryStatusBoard {
  /** This container, as a reporter. */
  private readonly reporter = randomUUID();

  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async report(status: RegistryStatusReport): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...status,
          reporter: this.reporter,
          expiresAt: Math.floor(Date.parse(status.reportedAt) / 1000) + reportLifetimeSeconds,
        },
      }),
    );
  }

  async recent(registry: RegistryName, since: string): Promise<RegistryStatusReport[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'registry = :registry',
        FilterExpression: 'reportedAt >= :since',
        ExpressionAttributeValues: { ':registry': registry, ':since': since },
      }),
    );
    return (Items ?? []).map((item) => ({
      registry: item['registry'] as RegistryName,
      circuit: item['circuit'] as RegistryStatusReport['circuit'],
      recentLatencyMs: (item['recentLatencyMs'] as number | null | undefined) ?? null,
      recentErrorRate: (item['recentErrorRate'] as number | null | undefined) ?? null,
      reportedAt: item['reportedAt'] as string,
    }));
  }
}
