import type { Client, ClientPolicy } from '../../schemas/clients.js';
import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { ApiKeyMinter } from '../ports/api-key-minter.js';
import type { ApiKeyRecord, ClientRegistry, RegisteredClient } from '../ports/client-registry.js';
import type { Clock } from '../ports/clock.js';

export interface ClientManagementDependencies {
  readonly clientRegistry: ClientRegistry;
  readonly keyMinter: ApiKeyMinter;
  readonly clock: Clock;
}

/** A client with its keys (ids and states only), as `show` answers it. */
export interface ClientWithKeys extends RegisteredClient {
  readonly keys: readonly ApiKeyRecord[];
}

/** A key just issued: the only moment its plaintext exists outside its holder. */
export interface IssuedApiKey {
  readonly key: ApiKeyRecord;
  readonly apiKey: string;
}

export type NewClient = Omit<Client, 'status'> & { readonly status?: Client['status'] };

/**
 * Registers a client.
 *
 * Primary course:
 *  1. Store the client (active unless said otherwise) with its policy; it has no key yet.
 *  2. Refuse an id that is taken (conflict), never overwrite.
 */
export async function createClient(
  deps: ClientManagementDependencies,
  input: NewClient,
): Promise<RegisteredClient> {
  const now = deps.clock.now().toISOString();
  const client: RegisteredClient = {
    clientId: input.clientId,
    name: input.name,
    unitCode: input.unitCode,
    status: input.status ?? 'active',
    policy: input.policy,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await deps.clientRegistry.createClient(client))) {
    throw new ConflictError(`A client with id ${input.clientId} exists already`);
  }
  return client;
}

export async function listClients(deps: Pick<ClientManagementDependencies, 'clientRegistry'>) {
  return deps.clientRegistry.listClients();
}

/** A client and its keys; not found when there is no such client. */
export async function showClient(
  deps: Pick<ClientManagementDependencies, 'clientRegistry'>,
  clientId: string,
): Promise<ClientWithKeys> {
  const [client, keys] = await Promise.all([
    deps.clientRegistry.getClient(clientId),
    deps.clientRegistry.listKeys(clientId),
  ]);
  if (client === undefined) throw new NotFoundError(`client ${clientId}`);
  return { ...client, keys };
}

/**
 * Replaces a client's policy. Callers see it once the authorizer's cached answer for their key
 * expires (at most 60 s on AWS, at once locally).
 */
export async function updateClientPolicy(
  deps: ClientManagementDependencies,
  clientId: string,
  policy: ClientPolicy,
): Promise<RegisteredClient> {
  const updated = await deps.clientRegistry.updateClient(
    clientId,
    { policy },
    deps.clock.now().toISOString(),
  );
  if (updated === undefined) throw new NotFoundError(`client ${clientId}`);
  return updated;
}

/**
 * Disables or re-enables a client. A disabled client's keys stay as they are but every request with
 * them is refused (403) once the authorizer's cached answer expires.
 */
export async function setClientStatus(
  deps: ClientManagementDependencies,
  clientId: string,
  status: Client['status'],
): Promise<RegisteredClient> {
  const updated = await deps.clientRegistry.updateClient(
    clientId,
    { status },
    deps.clock.now().toISOString(),
  );
  if (updated === undefined) throw new NotFoundError(`client ${clientId}`);
  return updated;
}

/**
 * Issues a new key to a client (a client may hold several, to rotate them without downtime).
 *
 * Primary course:
 *  1. Mint a random key; only its key id and the keyed hash of its secret are stored.
 *  2. Store it as active for the client; not found when there is no such client.
 *  3. Hand the plaintext back once: it cannot be shown again.
 */
export async function issueApiKey(
  deps: ClientManagementDependencies,
  clientId: string,
  label?: string,
): Promise<IssuedApiKey> {
  const minted = deps.keyMinter.mint();
  const key: ApiKeyRecord = {
    keyId: minted.keyId,
    clientId,
    status: 'active',
    ...(label === undefined ? {} : { label }),
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.clientRegistry.addKey({ ...key, secretHash: minted.secretHash }))) {
    throw new NotFoundError(`client ${clientId}`);
  }
  return { key, apiKey: minted.apiKey };
}

/**
 * Revokes one of a client's keys for good; requests with it are refused (401) once the authorizer's
 * cached answer expires. Revoking a revoked key changes nothing.
 */
export async function revokeApiKey(
  deps: ClientManagementDependencies,
  clientId: string,
  keyId: string,
): Promise<ApiKeyRecord> {
  const revoked = await deps.clientRegistry.revokeKey(clientId, keyId, deps.clock.now().toISOString());
  if (revoked === undefined) throw new NotFoundError(`key ${keyId} of client ${clientId}`);
  return revoked;
}
