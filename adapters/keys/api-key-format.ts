import { randomBytes, randomInt } from 'node:crypto';

/**
 * The gateway's API keys: `lt_<keyId>_<secret>`.
 *  - `keyId`: 10 characters from a 32-letter alphabet (lower case and digits, without look-alikes
 *    0/o/1/l): a random, non-secret identifier (50 bits), by which the key is looked up, listed,
 *    logged and revoked.
 *  - `secret`: 32 random bytes, base64url (43 characters); only its keyed hash is ever stored.
 * The `lt_` prefix lets secret scanners recognise a leaked key.
 */
export const apiKeyPattern = /^lt_([a-km-z2-9]{10})_([A-Za-z0-9_-]{43})$/;

const keyIdAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
const keyIdLength = 10;
const secretBytes = 32;

export interface ApiKeyParts {
  readonly keyId: string;
  readonly secret: string;
}

/** A new random key and its parts. */
export function newApiKey(): ApiKeyParts & { readonly apiKey: string } {
  const keyId = Array.from(
    { length: keyIdLength },
    () => keyIdAlphabet[randomInt(keyIdAlphabet.length)],
  ).join('');
  const secret = randomBytes(secretBytes).toString('base64url');
  return { keyId, secret, apiKey: `lt_${keyId}_${secret}` };
}

/** The parts of a key in the gateway's format; `undefined` for any other string. */
export function parseApiKey(apiKey: string): ApiKeyParts | undefined {
  const match = apiKeyPattern.exec(apiKey);
  if (!match) return undefined;
  return { keyId: match[1] as string, secret: match[2] as string };
}
