import type { ApiKeyMinter, MintedApiKey } from '../../core/ports/api-key-minter.js';
import { newApiKey } from './api-key-format.js';
import type { ApiKeyHasher } from './api-key-hasher.js';

/** Mints keys in the gateway's format (`lt_<keyId>_<secret>`), hashing the secret with the pepper. */
export class RandomApiKeyMinter implements ApiKeyMinter {
  constructor(private readonly hasher: ApiKeyHasher) {}

  mint(): MintedApiKey {
    const { keyId, secret, apiKey } = newApiKey();
    return { keyId, apiKey, secretHash: this.hasher.hash(secret) };
  }
}
