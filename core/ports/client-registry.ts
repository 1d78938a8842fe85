import type { Client, ClientPolicy } from '../../schemas/clients.js';

/** A client as the registry keeps it, with when it was created and last changed. */
export interface RegisteredClient extends Client {
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What is kept about an API key: never the key, only its non-secret id and its state. */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly clientId: string;
  readonly status: 'active' | 'revoked';
  readonly label?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/**
 * The management side of the clients table (the authorizer's side is `ClientDirectory`). Methods
 * report "no such client/key" or "exists already" by their result; use cases turn that into errors.
 */
export interface ClientRegistry {
  /** Stores a new client; `false` when the id is taken. */
  createClient(client: RegisteredClient): Promise<boolean>;
  getClient(clientId: string): Promise<RegisteredClient | undefined>;
  listClients(): Promise<RegisteredClient[]>;
  /** Changes an existing client's policy or status; `undefined` when there is no such client. */
  updateClient(
    clientId: string,
    change: { readonly policy?: ClientPolicy; readonly status?: Client['status'] },
    updatedAt: string,
  ): Promise<RegisteredClient | undefined>;
  /** Stores a key of an existing client; `false` when the client does not exist. */
  addKey(key: ApiKeyRecord & { readonly secretHash: string }): Promise<boolean>;
  listKeys(clientId: string): Promise<ApiKeyRecord[]>;
  /** Revokes one key of a client; `undefined` when the client has no such key. Revoking twice is a no-op. */
  revokeKey(clientId: string, keyId: string, revokedAt: string): Promise<ApiKeyRecord | undefined>;
}
