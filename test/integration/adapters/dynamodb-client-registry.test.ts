import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbClientDirectory } from '../../../adapters/dynamodb/dynamodb-client-directory.js';
import { DynamoDbClientRegistry } from '../../../adapters/dynamodb/dynamodb-client-registry.js';
import { ApiKeyHasher } from '../../../adapters/keys/api-key-hasher.js';
import { RandomApiKeyMinter } from '../../../adapters/keys/api-key-minter.js';
import type { RegisteredClient } from '../../../core/ports/client-registry.js';
import { tables } from '../../../infra/resources.js';
import { localStack, stackDocuments } from '../../support/local-stack.js';

const stack = localStack();
const documents = stackDocuments(stack);
const tableName = stack.tableNames[tables.clients.envVar] as string;
const hasher = new ApiKeyHasher('integration-pepper');
const registry = new DynamoDbClientRegistry(documents, tableName);
const directory = new DynamoDbClientDirectory(documents, tableName, hasher);
const minter = new RandomApiKeyMinter(hasher);
const createdAt = '2026-11-27T01:02:03.000Z';

function aClient(): RegisteredClient {
  return {
    clientId: `it-${randomUUID().slice(0, 8)}`,
    name: 'Integration client',
    unitCode: 'UBND-IT',
    status: 'active',
    policy: {
      scopes: ['population:verify'],
      fields: {},
      allowedPurposes: ['1.001234'],
      rateLimit: { perSecond: 5 },
      dailyQuota: 100,
    },
    createdAt,
    updatedAt: createdAt,
  };
}

async function withKey(client: RegisteredClient) {
  const minted = minter.mint();
  await registry.addKey({
    keyId: minted.keyId,
    clientId: client.clientId,
    status: 'active',
    createdAt,
    secretHash: minted.secretHash,
  });
  return minted;
}

async function wholeTable(): Promise<string> {
  const { Items } = await documents.send(new ScanCommand({ TableName: tableName }));
  return JSON.stringify(Items ?? []);
}

describe('DynamoDbClientRegistry and DynamoDbClientDirectory', () => {
  it('stores a client and reads it back with its policy', async () => {
    const client = aClient();
    expect(await registry.createClient(client)).toBe(true);
    expect(await registry.getClient(client.clientId)).toEqual(client);
  });

  it('refuses to create a client whose id is taken', async () => {
    const client = aClient();
    await registry.createClient(client);
    expect(await registry.createClient({ ...client, name: 'Impostor' })).toBe(false);
    expect((await registry.getClient(client.clientId))?.name).toBe('Integration client');
  });

  it('finds an issued key’s client by the key', async () => {
    const client = aClient();
    await registry.createClient(client);
    const minted = await withKey(client);
    const owner = await directory.findByApiKey(minted.apiKey);
    expect(owner).toEqual({
      client: {
        clientId: client.clientId,
        name: client.name,
        unitCode: client.unitCode,
        status: 'active',
        policy: client.policy,
      },
      keyId: minted.keyId,
    });
  });

  it('does not find a key whose key id is right but whose secret is wrong', async () => {
    const client = aClient();
    await registry.createClient(client);
    const minted = await withKey(client);
    const forged = `lt_${minted.keyId}_${'A'.repeat(43)}`;
    expect(await directory.findByApiKey(forged)).toBeUndefined();
  });

  it('does not find a key under another pepper', async () => {
    const client = aClient();
    await registry.createClient(client);
    const minted = await withKey(client);
    const otherPepper = new DynamoDbClientDirectory(documents, tableName, new ApiKeyHasher('other-pepper'));
    expect(await otherPepper.findByApiKey(minted.apiKey)).toBeUndefined();
  });

  it('no longer finds a revoked key, and lists it as revoked beside the client’s other keys', async () => {
    const client = aClient();
    await registry.createClient(client);
    const first = await withKey(client);
    const second = await withKey(client);
    await registry.revokeKey(client.clientId, first.keyId, '2026-11-28T00:00:00.000Z');
    expect(await directory.findByApiKey(first.apiKey)).toBeUndefined();
    expect((await directory.findByApiKey(second.apiKey))?.keyId).toBe(second.keyId);
    const keys = await registry.listKeys(client.clientId);
    expect(Object.fromEntries(keys.map((key) => [key.keyId, key.status]))).toEqual({
      [first.keyId]: 'revoked',
      [second.keyId]: 'active',
    });
  });

  it('answers undefined when revoking a key the client does not have', async () => {
    const client = aClient();
    await registry.createClient(client);
    expect(await registry.revokeKey(client.clientId, 'abcdefghij', createdAt)).toBeUndefined();
  });

  it('refuses a key for a client that does not exist', async () => {
    const minted = minter.mint();
    const added = await registry.addKey({
      keyId: minted.keyId,
      clientId: 'it-nobody',
      status: 'active',
      createdAt,
      secretHash: minted.secretHash,
    });
    expect(added).toBe(false);
    expect(await directory.findByApiKey(minted.apiKey)).toBeUndefined();
  });

  it('hands a disabled client to the authorizer as disabled', async () => {
    const client = aClient();
    await registry.createClient(client);
    const minted = await withKey(client);
    await registry.updateClient(client.clientId, { status: 'disabled' }, createdAt);
    expect((await directory.findByApiKey(minted.apiKey))?.client.status).toBe('disabled');
  });

  it('replaces a policy and answers undefined for an unknown client', async () => {
    const client = aClient();
    await registry.createClient(client);
    const policy = { ...client.policy, scopes: ['land:read' as const], allowedPurposes: undefined };
    const { allowedPurposes: _dropped, ...withoutPurposes } = policy;
    const updated = await registry.updateClient(
      client.clientId,
      { policy: withoutPurposes },
      '2026-12-01T00:00:00.000Z',
    );
    expect(updated?.policy).toEqual(withoutPurposes);
    expect(updated?.updatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(await registry.updateClient('it-nobody', { status: 'disabled' }, createdAt)).toBeUndefined();
  });

  it('finds a hand-chosen key (not in the lt_ format) by the keyed hash of the whole key', async () => {
    const client = aClient();
    await registry.createClient(client);
    const chosen = `chosen-${randomUUID()}`;
    await directory.saveApiKey(chosen, { clientId: client.clientId, keyId: 'chosen-key' });
    expect((await directory.findByApiKey(chosen))?.keyId).toBe('chosen-key');
    await registry.revokeKey(client.clientId, 'chosen-key', createdAt);
    expect(await directory.findByApiKey(chosen)).toBeUndefined();
  });

  it('keeps neither a key nor its secret anywhere in the table', async () => {
    const client = aClient();
    await registry.createClient(client);
    const minted = await withKey(client);
    const secret = minted.apiKey.slice(`lt_${minted.keyId}_`.length);
    const table = await wholeTable();
    expect(table).toContain(minted.secretHash);
    expect(table).not.toContain(minted.apiKey);
    expect(table).not.toContain(secret);
  });
});
