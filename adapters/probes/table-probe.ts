import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DependencyProbe, ProbeResult } from '../../core/ports/dependency-probe.js';

/** A DynamoDB table is healthy when it can be described and is ACTIVE. */
export class TableProbe implements DependencyProbe {
  readonly kind = 'store';
  constructor(
    readonly name: string,
    private readonly dynamoDb: DynamoDBClient,
    private readonly tableName: string,
    private readonly deadlineMs = 2_000,
  ) {}

  async probe(): Promise<ProbeResult> {
    const started = performance.now();
    try {
      const { Table } = await this.dynamoDb.send(new DescribeTableCommand({ TableName: this.tableName }), {
        abortSignal: AbortSignal.timeout(this.deadlineMs),
      });
      const active = Table?.TableStatus === 'ACTIVE';
      return {
        reachable: active,
        latencyMs: elapsed(started),
        ...(active ? {} : { detail: `table ${Table?.TableStatus}` }),
      };
    } catch (error) {
      return { reachable: false, latencyMs: elapsed(started), detail: (error as Error).name };
    }
  }
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
