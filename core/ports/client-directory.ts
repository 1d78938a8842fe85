/** A provincial app or developer allowed to call the gateway. */
export interface ApiClient {
  readonly clientId: string;
  readonly name: string;
  /** The unit (mã đơn vị) the client belongs to; sent to the registries as MaDonVi. */
  readonly unitCode: string;
  readonly status: 'active' | 'disabled';
  readonly scopes: readonly string[];
}

export interface ApiKeyOwner {
  readonly client: ApiClient;
  /** Non-secret identifier of the key, safe to log and to show in the ledger. */
  readonly keyId: string;
}

/** Where clients and their keys are kept. Keys are only ever compared by keyed hash. */
export interface ClientDirectory {
  findByApiKey(apiKey: string): Promise<ApiKeyOwner | undefined>;
}
