import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiClient, ApiKeyOwner, ClientDirectory } from '../../core/ports/client-directory.js';
import { clientSchema } from '../../schemas/clients.js';
import type { ApiKeyHasher } from '../keys/api-key-hasher.js';

interface KeyItem {
  clientId: string;
  keyId: string;
  status: 'active' | 'revoked';
}

/**
 * Clients and API keys in DynamoDB. A key is stored only as its keyed hash (`KEY#<hmac>`), so the
 * table never holds a usable key; the profile lives under `CLIENT#<id>`.
 */
export class DynamoDbClientDirectory implements ClientDirectory {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly hasher: ApiKeyHasher,
  ) {}

  async findByApiKey(apiKey: string): Promise<ApiKeyOwner | undefined> {
    const key = await this.get<KeyItem>(`KEY#${this.hasher.hash(apiKey)}`, 'KEY');
    if (key === undefined || key.status !== 'active') return undefined;
    const client = await this.get<ApiClient>(`CLIENT#${key.clientId}`, 'PROFILE');
    if (client === undefined) return undefined;
    return { client: clientSchema.parse(client), keyId: key.keyId };
  }

  async saveClient(client: ApiClient): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `CLIENT#${client.clientId}`, sk: 'PROFILE', ...client },
      }),
    );
  }

  async saveApiKey(apiKey: string, owner: { clientId: string; keyId: string }): Promise<void> {
    const item: KeyItem = { ...owner, status: 'active' };
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `KEY#${this.hasher.hash(apiKey)}`, sk: 'KEY', ...item },
      }),
    );
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item as T | undefined;
  }
}
