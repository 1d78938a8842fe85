import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbClientDirectory } from '../adapters/dynamodb/dynamodb-client-directory.js';
import { ApiKeyHasher } from '../adapters/keys/api-key-hasher.js';
import type { ApiClient } from '../core/ports/client-directory.js';

/** The sandbox client: allowed to call everything, for trying the gateway locally. */
export const sandboxClient: ApiClient = {
  clientId: 'sandbox',
  name: 'Sandbox developer',
  unitCode: 'SANDBOX',
  status: 'active',
  policy: {
    scopes: [
      'population:verify',
      'population:lookup',
      'land:read',
      'business:read',
      'batch:submit',
      'audit:subject-report',
      'admin',
    ],
    fields: {},
    rateLimit: { perSecond: 200 },
    dailyQuota: 1_000_000,
  },
};

export function generateApiKey(): string {
  return `lt_${randomBytes(24).toString('base64url')}`;
}

/** Registers the sandbox client and its key in the clients table (stored as a keyed hash only). */
export async function registerSandboxClient(
  documents: DynamoDBDocumentClient,
  tableName: string,
  pepper: string,
  apiKey: string,
): Promise<void> {
  const directory = new DynamoDbClientDirectory(documents, tableName, new ApiKeyHasher(pepper));
  await directory.saveClient(sandboxClient);
  await directory.saveApiKey(apiKey, { clientId: sandboxClient.clientId, keyId: 'sandbox-key-1' });
}
