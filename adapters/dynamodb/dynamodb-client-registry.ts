import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKeyRecord, ClientRegistry, RegisteredClient } from '../../core/ports/client-registry.js';
import { clientSchema, type Client, type ClientPolicy } from '../../schemas/clients.js';
import { parseApiKey } from '../keys/api-key-format.js';
import type { ApiKeyHasher } from '../keys/api-key-hasher.js';
import {
  clientPk,
  keyPk,
  keyRefSk,
  keyRefSkPrefix,
  keySk,
  profileSk,
  type KeyItem,
  type KeyRefItem,
} from './client-items.js';

/**
 * The management side of the clients table (layout in `client-items.ts`): clients, their policies and
 * their keys. A key and its reference beside the client are written and revoked together in one
 * transaction. Nothing here ever receives a plaintext key, except `registerExistingKey` (the local
 * sandbox's chosen key), which hashes it at once.
 */
export class DynamoDbClientRegistry implements ClientRegistry {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createClient(client: RegisteredClient): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: clientPk(client.clientId), sk: profileSk, ...client },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Creates or replaces a client (the local sandbox, registered at every start). */
  async putClient(client: RegisteredClient): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: clientPk(client.clientId), sk: profileSk, ...client },
      }),
    );
  }

  async getClient(clientId: string): Promise<RegisteredClient | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: clientPk(clientId), sk: profileSk },
        ConsistentRead: true,
      }),
    );
    return Item === undefined ? undefined : registeredClientOf(Item);
  }

  async listClients(): Promise<RegisteredClient[]> {
    const clients: RegisteredClient[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'sk = :profile',
          ExpressionAttributeValues: { ':profile': profileSk },
          ExclusiveStartKey: startKey,
        }),
      );
      clients.push(...(page.Items ?? []).map(registeredClientOf));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return clients.sort((a, b) => a.clientId.localeCompare(b.clientId));
  }

  async updateClient(
    clientId: string,
    change: { readonly policy?: ClientPolicy; readonly status?: Client['status'] },
    updatedAt: string,
  ): Promise<RegisteredClient | undefined> {
    const sets = ['updatedAt = :updatedAt'];
    const values: Record<string, unknown> = { ':updatedAt': updatedAt };
    const names: Record<string, string> = {};
    if (change.policy !== undefined) {
      sets.push('policy = :policy');
      values[':policy'] = change.policy;
    }
    if (change.status !== undefined) {
      sets.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = change.status;
    }
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: clientPk(clientId), sk: profileSk },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes === undefined ? undefined : registeredClientOf(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async addKey(key: ApiKeyRecord & { readonly secretHash: string }): Promise<boolean> {
    return this.writeKey(key, keyPk(key.keyId));
  }

  /**
   * Registers a key chosen outside the gateway (the sandbox's `SANDBOX_API_KEY`), replacing any
   * earlier registration of the same key. A key in the gateway's format keeps its own key id; any
   * other string is stored under the keyed hash of the whole key.
   */
  async registerExistingKey(
    apiKey: string,
    hasher: ApiKeyHasher,
    owner: {
      readonly clientId: string;
      readonly keyId: string;
      readonly label?: string;
      readonly createdAt: string;
    },
  ): Promise<void> {
    const parts = parseApiKey(apiKey);
    const keyId = parts?.keyId ?? owner.keyId;
    const item: ApiKeyRecord & { secretHash: string } = {
      keyId,
      clientId: owner.clientId,
      status: 'active',
      createdAt: owner.createdAt,
      ...(owner.label === undefined ? {} : { label: owner.label }),
      secretHash: hasher.hash(parts?.secret ?? apiKey),
    };
    await this.writeKey(item, keyPk(parts?.keyId ?? hasher.hash(apiKey)), false);
  }

  async listKeys(clientId: string): Promise<ApiKeyRecord[]> {
    const keys: ApiKeyRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :keys)',
          ExpressionAttributeValues: { ':pk': clientPk(clientId), ':keys': keyRefSkPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      keys.push(...(page.Items ?? []).map((item) => keyRecordOf(item as KeyRefItem)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
  }

  async revokeKey(clientId: string, keyId: string, revokedAt: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: clientPk(clientId), sk: keyRefSk(keyId) },
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return undefined;
    const reference = Item as KeyRefItem;
    if (reference.status === 'revoked') return keyRecordOf(reference);
    const revoke = {
      UpdateExpression: 'SET #status = :revoked, revokedAt = :at',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':revoked': 'revoked', ':at': revokedAt },
    };
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: this.tableName, Key: { pk: reference.keyPk, sk: keySk }, ...revoke } },
          { Update: { TableName: this.tableName, Key: { pk: reference.pk, sk: reference.sk }, ...revoke } },
        ],
      }),
    );
    return keyRecordOf({ ...reference, status: 'revoked', revokedAt });
  }

  /** The key item and its reference beside the client, in one transaction that needs the client. */
  private async writeKey(
    key: ApiKeyRecord & { readonly secretHash: string },
    lookupPk: string,
    mustBeNew = true,
  ): Promise<boolean> {
    const record = keyRecordOf(key);
    const keyItem: KeyItem = { pk: lookupPk, sk: keySk, ...record, secretHash: key.secretHash };
    const reference: KeyRefItem = {
      pk: clientPk(key.clientId),
      sk: keyRefSk(key.keyId),
      ...record,
      keyPk: lookupPk,
    };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: { pk: clientPk(key.clientId), sk: profileSk },
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: keyItem,
                ...(mustBeNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
              },
            },
            { Put: { TableName: this.tableName, Item: reference } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return false;
      }
      throw error;
    }
  }
}

function registeredClientOf(item: Record<string, unknown>): RegisteredClient {
  return {
    ...clientSchema.parse(item),
    createdAt: typeof item['createdAt'] === 'string' ? item['createdAt'] : '',
    updatedAt: typeof item['updatedAt'] === 'string' ? item['updatedAt'] : '',
  };
}

/** Only the fields of a key record: never the hash, never the table's own keys. */
function keyRecordOf(item: ApiKeyRecord): ApiKeyRecord {
  return {
    keyId: item.keyId,
    clientId: item.clientId,
    status: item.status,
    ...(item.label === undefined ? {} : { label: item.label }),
    createdAt: item.createdAt,
    ...(item.revokedAt === undefined ? {} : { revokedAt: item.revokedAt }),
  };
}
