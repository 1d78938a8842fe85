/** A new API key: the plaintext is handed to its holder once and never stored. */
export interface MintedApiKey {
  /** Non-secret identifier, part of the key itself; safe to log, list and store. */
  readonly keyId: string;
  /** The whole key, as the holder sends it in `x-api-key`. Shown once, never stored or logged. */
  readonly apiKey: string;
  /** The keyed hash of the key's secret part: the only thing stored about the secret. */
  readonly secretHash: string;
}

/** Makes new API keys (random, hashed with the gateway's secret pepper). */
export interface ApiKeyMinter {
  mint(): MintedApiKey;
}
