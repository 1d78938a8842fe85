import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiKeyOwner, ClientDirectory } from '../../core/ports/client-directory.js';
import { clientSchema, type Client } from '../../schemas/clients.js';
import { parseApiKey } from '../keys/api-key-format.js';
import type { ApiKeyHasher } from '../keys/api-key-hasher.js';
import { clientPk, keyPk, keySk, profileSk, type KeyItem } from './client-items.js';
import { DynamoDbClientRegistry } from './dynamodb-client-registry.js';

/**
 * The authorizer's read-only view of the clients table. A key `lt_<keyId>_<secret>` is looked up by
 * its key id and its secret's keyed hash compared in constant time; any other string (a sandbox key
 * chosen by hand) is looked up by the keyed hash of the whole key.
 */
export class DynamoDbClientDirectory implements ClientDirectory {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly hasher: ApiKeyHasher,
  ) {}

  async findByApiKey(apiKey: string): Promise<ApiKeyOwner | undefined> {
    const parts = parseApiKey(apiKey);
    const secret = parts?.secret ?? apiKey;
    const lookupId = parts?.keyId ?? this.hasher.hash(apiKey);
    const key = await this.get<KeyItem>(keyPk(lookupId), keySk);
    if (key === undefined || !this.hasher.matches(secret, key.secretHash)) return undefined;
    if (key.status !== 'active') return undefined;
    const client = await this.get<Record<string, unknown>>(clientPk(key.clientId), profileSk);
    if (client === undefined) return undefined;
    return { client: clientSchema.parse(client), keyId: key.keyId };
  }

  /** Local set-up and tests: stores a client, replacing any earlier one with its id. */
  async saveClient(client: Client): Promise<void> {
    const now = new Date().toISOString();
    await this.registry().putClient({ ...client, createdAt: now, updatedAt: now });
  }

  /**
   * Local set-up and tests: registers a key chosen outside the gateway (e.g. `SANDBOX_API_KEY`) for
   * an existing client, stored as its keyed hash only.
   */
  async saveApiKey(apiKey: string, owner: { clientId: string; keyId: string }): Promise<void> {
    await this.registry().registerExistingKey(apiKey, this.hasher, {
      ...owner,
      createdAt: new Date().toISOString(),
    });
  }

  private registry(): DynamoDbClientRegistry {
    return new DynamoDbClientRegistry(this.documents, this.tableName);
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item as T | undefined;
  }
}
