import type { Client } from '../../schemas/clients.js';

export type { Client as ApiClient } from '../../schemas/clients.js';

export interface ApiKeyOwner {
  readonly client: Client;
  /** Non-secret identifier of the key, safe to log and to show in the ledger. */
  readonly keyId: string;
}

/** Where clients and their keys are kept. Keys are only ever compared by keyed hash. */
export interface ClientDirectory {
  findByApiKey(apiKey: string): Promise<ApiKeyOwner | undefined>;
}
