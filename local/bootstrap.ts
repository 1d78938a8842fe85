import {
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queues, tables, type TableDefinition } from '../infra/resources.js';

/** Physical names of the local tables and queues. */
export const localName = (id: string): string => `lienthong-${id}`;

/**
 * Creates every table of `infra/resources.ts` in DynamoDB Local (the same keys, indexes and TTL the
 * CDK stack declares) and returns the environment variables functions read their names from.
 */
export async function createTables(dynamoDb: DynamoDBClient): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const table of Object.values(tables) as TableDefinition[]) {
    const name = localName(table.id);
    try {
      await dynamoDb.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions(table),
          KeySchema: [
            { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
            ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
          ],
          ...(table.globalIndexes?.length
            ? {
                GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
                  IndexName: index.indexName,
                  KeySchema: [
                    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                    ...(index.sortKey
                      ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }]
                      : []),
                  ],
                  Projection: { ProjectionType: 'ALL' as const },
                })),
              }
            : {}),
        }),
      );
      if (table.timeToLiveAttribute) {
        await dynamoDb.send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    env[table.envVar] = name;
  }
  return env;
}

function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...(table.globalIndexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const byName = new Map<string, AttributeDefinition>();
  for (const key of keys) if (key) byName.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  return [...byName.values()];
}

/** Creates every queue of `infra/resources.ts` with its dead-letter queue and redrive policy. */
export async function createQueues(sqs: SQSClient): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const queue of Object.values(queues)) {
    const deadLetter = await sqs.send(new CreateQueueCommand({ QueueName: localName(queue.deadLetter.id) }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetter.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const created = await sqs.send(
      new CreateQueueCommand({
        QueueName: localName(queue.id),
        Attributes: {
          VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: Attributes?.['QueueArn'],
            maxReceiveCount: queue.deadLetter.maxReceiveCount,
          }),
        },
      }),
    );
    env[queue.envVar] = created.QueueUrl as string;
  }
  return env;
}
