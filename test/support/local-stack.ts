import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDbClientDirectory } from '../../adapters/dynamodb/dynamodb-client-directory.js';
import { ApiKeyHasher } from '../../adapters/keys/api-key-hasher.js';
import { clientSchema, type Client, type ClientPolicy } from '../../schemas/clients.js';
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

/** Every ledger entry (not the subject-index items beside them) written for one request id. */
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
        FilterExpression: 'requestId = :id AND begins_with(pk, :chain)',
        ExpressionAttributeValues: { ':id': requestId, ':chain': 'CHAIN#' },
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
  await setRegistryBehaviour(stack, 'population', behaviour);
}

/** Sets a simulated registry's behaviour (latency, faults, quota) through its control endpoint. */
export async function setRegistryBehaviour(
  stack: StackAddresses,
  registry: string,
  behaviour: unknown,
): Promise<void> {
  const controlUrl = stack.registries[registry]?.controlUrl;
  if (!controlUrl) throw new Error(`the local stack runs no ${registry} registry`);
  const response = await fetch(`${controlUrl}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  if (!response.ok) throw new Error(`control endpoint answered ${response.status}: ${await response.text()}`);
}

/** A simulated registry's call counters (calls received, by operation, by credential, ...). */
export async function registryCounters(
  stack: StackAddresses,
  registry: string,
): Promise<{ calls: number; byOperation: Record<string, number> }> {
  const response = await fetch(`${stack.registries[registry]?.controlUrl}/counters`);
  return (await response.json()) as { calls: number; byOperation: Record<string, number> };
}

/**
 * Puts a registry back to normal after a fault test: restores its behaviour and counters, then waits
 * until `probe` gets an answer that is not a 5xx, which also closes the gateway's circuit for it
 * (the test stack's circuits half-open after one second).
 */
export async function healRegistry(
  stack: StackAddresses,
  registry: string,
  probe: () => Promise<Response>,
): Promise<void> {
  await fetch(`${stack.registries[registry]?.controlUrl}/reset`, { method: 'POST' });
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await probe();
    await response.body?.cancel();
    if (response.status < 500 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Registers a client and one API key straight in the test stack's clients table (the stack runs
 * with the pepper the global setup chose), for suites that need clients with particular policies.
 */
export async function registerTestClient(
  stack: StackAddresses,
  client: Omit<Client, 'policy'> & { policy: Partial<ClientPolicy> & Pick<ClientPolicy, 'scopes'> },
): Promise<string> {
  const pepper = process.env['LIENTHONG_TEST_KEY_PEPPER'];
  if (!pepper) throw new Error('no test pepper: run this suite through the integration jest project');
  const directory = new DynamoDbClientDirectory(
    stackDocuments(stack),
    stack.tableNames['CLIENTS_TABLE_NAME'] as string,
    new ApiKeyHasher(pepper),
  );
  const apiKey = `test-key-${client.clientId}-${randomUUID()}`;
  await directory.saveClient(clientSchema.parse({ ...client, policy: { fields: {}, ...client.policy } }));
  await directory.saveApiKey(apiKey, { clientId: client.clientId, keyId: `${client.clientId}-key` });
  return apiKey;
}
