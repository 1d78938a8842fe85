import type { ClientPolicy } from '../../schemas/clients.js';
import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { ApiKeyRecord, ClientRegistry, RegisteredClient } from '../ports/client-registry.js';
import {
  createClient,
  issueApiKey,
  listClients,
  revokeApiKey,
  setClientStatus,
  showClient,
  updateClientPolicy,
  type ClientManagementDependencies,
} from './manage-clients.js';

const policy: ClientPolicy = {
  scopes: ['population:verify'],
  fields: {},
  allowedPurposes: ['1.001234'],
  rateLimit: { perSecond: 5 },
  dailyQuota: 1000,
};
const newClient = { clientId: 'district-7', name: 'District 7 one-stop shop', unitCode: 'UBND-Q7', policy };

/** An in-memory registry that keeps what it is given, hashes included, so tests can inspect it. */
class MemoryRegistry implements ClientRegistry {
  readonly clients = new Map<string, RegisteredClient>();
  readonly keys = new Map<string, ApiKeyRecord & { secretHash: string }>();

  createClient(client: RegisteredClient): Promise<boolean> {
    if (this.clients.has(client.clientId)) return Promise.resolve(false);
    this.clients.set(client.clientId, client);
    return Promise.resolve(true);
  }
  getClient(clientId: string) {
    return Promise.resolve(this.clients.get(clientId));
  }
  listClients() {
    return Promise.resolve([...this.clients.values()]);
  }
  updateClient(clientId: string, change: Partial<RegisteredClient>, updatedAt: string) {
    const client = this.clients.get(clientId);
    if (client === undefined) return Promise.resolve(undefined);
    const updated = { ...client, ...change, updatedAt };
    this.clients.set(clientId, updated);
    return Promise.resolve(updated);
  }
  addKey(key: ApiKeyRecord & { secretHash: string }) {
    if (!this.clients.has(key.clientId)) return Promise.resolve(false);
    this.keys.set(key.keyId, key);
    return Promise.resolve(true);
  }
  listKeys(clientId: string) {
    return Promise.resolve(
      [...this.keys.values()]
        .filter((key) => key.clientId === clientId)
        .map(({ secretHash: _hash, ...record }) => record),
    );
  }
  revokeKey(clientId: string, keyId: string, revokedAt: string) {
    const key = this.keys.get(keyId);
    if (key === undefined || key.clientId !== clientId) return Promise.resolve(undefined);
    const revoked = key.status === 'revoked' ? key : { ...key, status: 'revoked' as const, revokedAt };
    this.keys.set(keyId, revoked);
    const { secretHash: _hash, ...record } = revoked;
    return Promise.resolve(record);
  }
}

function dependencies() {
  const clientRegistry = new MemoryRegistry();
  let minted = 0;
  const deps: ClientManagementDependencies = {
    clientRegistry,
    keyMinter: {
      mint: () => {
        minted += 1;
        return {
          keyId: `key${minted}`,
          apiKey: `lt_key${minted}_secret`,
          secretHash: `hash-of-secret-${minted}`,
        };
      },
    },
    clock: { now: () => new Date('2026-11-27T01:02:03.000Z') },
  };
  return { deps, clientRegistry };
}

describe('createClient', () => {
  it('registers an active client with its policy and the creation time', async () => {
    const { deps, clientRegistry } = dependencies();
    await createClient(deps, newClient);
    expect(clientRegistry.clients.get('district-7')).toEqual({
      ...newClient,
      status: 'active',
      createdAt: '2026-11-27T01:02:03.000Z',
      updatedAt: '2026-11-27T01:02:03.000Z',
    });
  });

  it('refuses a taken client id as a conflict and keeps the existing client', async () => {
    const { deps, clientRegistry } = dependencies();
    await createClient(deps, newClient);
    await expect(createClient(deps, { ...newClient, name: 'Impostor' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(clientRegistry.clients.get('district-7')?.name).toBe('District 7 one-stop shop');
  });
});

describe('showClient and listClients', () => {
  it('shows a client with its keys, without their hashes', async () => {
    const { deps } = dependencies();
    await createClient(deps, newClient);
    await issueApiKey(deps, 'district-7', 'primary');
    const shown = await showClient(deps, 'district-7');
    expect(shown.keys).toEqual([
      {
        keyId: 'key1',
        clientId: 'district-7',
        status: 'active',
        label: 'primary',
        createdAt: '2026-11-27T01:02:03.000Z',
      },
    ]);
  });

  it('answers not found for an unknown client', async () => {
    const { deps } = dependencies();
    await expect(showClient(deps, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists every client', async () => {
    const { deps } = dependencies();
    await createClient(deps, newClient);
    await createClient(deps, { ...newClient, clientId: 'district-9' });
    expect((await listClients(deps)).map((client) => client.clientId)).toEqual(['district-7', 'district-9']);
  });
});

describe('updateClientPolicy and setClientStatus', () => {
  it('replaces the policy', async () => {
    const { deps, clientRegistry } = dependencies();
    await createClient(deps, newClient);
    const wider = { ...policy, scopes: ['population:verify', 'land:read'] as ClientPolicy['scopes'] };
    await updateClientPolicy(deps, 'district-7', wider);
    expect(clientRegistry.clients.get('district-7')?.policy).toEqual(wider);
  });

  it('disables and enables a client', async () => {
    const { deps, clientRegistry } = dependencies();
    await createClient(deps, newClient);
    await setClientStatus(deps, 'district-7', 'disabled');
    expect(clientRegistry.clients.get('district-7')?.status).toBe('disabled');
    await setClientStatus(deps, 'district-7', 'active');
    expect(clientRegistry.clients.get('district-7')?.status).toBe('active');
  });

  it('answers not found when changing an unknown client', async () => {
    const { deps } = dependencies();
    await expect(setClientStatus(deps, 'nobody', 'disabled')).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateClientPolicy(deps, 'nobody', policy)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('issueApiKey', () => {
  it('hands the plaintext key back and stores only its id and hash', async () => {
    const { deps, clientRegistry } = dependencies();
    await createClient(deps, newClient);
    const issued = await issueApiKey(deps, 'district-7');
    expect(issued.apiKey).toBe('lt_key1_secret');
    expect(clientRegistry.keys.get('key1')).toEqual({
      keyId: 'key1',
      clientId: 'district-7',
      status: 'active',
      createdAt: '2026-11-27T01:02:03.000Z',
      secretHash: 'hash-of-secret-1',
    });
    expect(JSON.stringify([...clientRegistry.keys.values()])).not.toContain(issued.apiKey);
  });

  it('gives a client several active keys, for rotation', async () => {
    const { deps } = dependencies();
    await createClient(deps, newClient);
    await issueApiKey(deps, 'district-7');
    await issueApiKey(deps, 'district-7');
    const shown = await showClient(deps, 'district-7');
    expect(shown.keys.map((key) => [key.keyId, key.status])).toEqual([
      ['key1', 'active'],
      ['key2', 'active'],
    ]);
  });

  it('answers not found for an unknown client and stores nothing', async () => {
    const { deps, clientRegistry } = dependencies();
    await expect(issueApiKey(deps, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
    expect(clientRegistry.keys.size).toBe(0);
  });
});

describe('revokeApiKey', () => {
  it('revokes one key and leaves the client’s other keys active', async () => {
    const { deps } = dependencies();
    await createClient(deps, newClient);
    await issueApiKey(deps, 'district-7');
    await issueApiKey(deps, 'district-7');
    const revoked = await revokeApiKey(deps, 'district-7', 'key1');
    expect(revoked).toEqual(
      expect.objectContaining({ keyId: 'key1', status: 'revoked', revokedAt: '2026-11-27T01:02:03.000Z' }),
    );
    const shown = await showClient(deps, 'district-7');
    expect(shown.keys.map((key) => [key.keyId, key.status])).toEqual([
      ['key1', 'revoked'],
      ['key2', 'active'],
    ]);
  });

  it('answers not found for a key of another client', async () => {
    const { deps } = dependencies();
    await createClient(deps, newClient);
    await createClient(deps, { ...newClient, clientId: 'district-9' });
    await issueApiKey(deps, 'district-9');
    await expect(revokeApiKey(deps, 'district-7', 'key1')).rejects.toBeInstanceOf(NotFoundError);
  });
});
