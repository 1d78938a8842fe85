import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../../local/local-stack.js';

export type StackAddresses = Omit<LocalStack, 'stop'>;

/** The addresses of the stack the global setup started. */
export function localStack(): StackAddresses {
  const stackFile = process.env['LIENTHONG_TEST_STACK'];
  if (!stackFile) throw new Error('no local stack: run this suite through the integration jest project');
  return JSON.parse(readFileSync(stackFile, 'utf8')) as StackAddresses;
}

export function stackDocuments(stack: StackAddresses): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'ap-southeast-1',
      endpoint: stack.dynamoDbEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}

/** Every ledger entry written for one request id. */
export async function ledgerEntriesFor(
  stack: StackAddresses,
  requestId: string,
): Promise<Record<string, unknown>[]> {
  const documents = stackDocuments(stack);
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: stack.tableNames['LEDGER_TABLE_NAME'],
        FilterExpression: 'requestId = :id',
        ExpressionAttributeValues: { ':id': requestId },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Sets the population simulator's behaviour through its control endpoint. */
export async function setPopulationBehaviour(stack: StackAddresses, behaviour: unknown): Promise<void> {
  const response = await fetch(`${stack.registries.population.controlUrl}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok) throw new Error(`control endpoint answered ${response.status}: ${await response.text()}`);
}
