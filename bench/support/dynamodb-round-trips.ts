import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ms } from './results.js';

/**
 * One DynamoDB Local round trip of each kind the gateway makes, measured from outside on a scratch
 * partition of a table: the floor under any request that makes several of them one after the other.
 */
export async function measureDynamoDbRoundTrips(endpoint: string, tableName: string, samples = 200) {
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'ap-southeast-1',
      endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const operations: Record<string, (i: number) => Promise<unknown>> = {
    GetItem: (i) =>
      documents.send(new GetCommand({ TableName: tableName, Key: { pk: `BENCH#${i}`, sk: 'x' } })),
    PutItem: (i) =>
      documents.send(new PutCommand({ TableName: tableName, Item: { pk: `BENCH#${i}`, sk: 'x' } })),
    UpdateItem: () =>
      documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: 'BENCH#counter', sk: 'x' },
          UpdateExpression: 'ADD calls :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    'TransactWriteItems (3 puts)': (i) =>
      documents.send(
        new TransactWriteCommand({
          TransactItems: [0, 1, 2].map((part) => ({
            Put: {
              TableName: tableName,
              Item: { pk: `BENCH#tx#${i}#${part}`, sk: 'x' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
        }),
      ),
  };
  const results: { operation: string; p50: number; p99: number }[] = [];
  for (const [operation, call] of Object.entries(operations)) {
    for (let i = 0; i < 20; i++) await call(samples + i);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await call(i);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    results.push({
      operation,
      p50: ms(latencies[Math.ceil(samples * 0.5) - 1]!),
      p99: ms(latencies[Math.ceil(samples * 0.99) - 1]!),
    });
  }
  documents.destroy();
  return results;
}
