import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbClientDirectory } from '../adapters/dynamodb/dynamodb-client-directory.js';
import { newApiKey } from '../adapters/keys/api-key-format.js';
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

/**
 * A fresh sandbox key in the gateway's format (`lt_<keyId>_<secret>`). A `SANDBOX_API_KEY` chosen by
 * hand (e.g. `sandbox-demo`) works too: keys not in that format are stored under their keyed hash.
 */
export function generateApiKey(): string {
  return newApiKey().apiKey;
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
