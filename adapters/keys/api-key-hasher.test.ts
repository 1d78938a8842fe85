import crypto from 'node:crypto';
import { ApiKeyHasher, sameHash } from './api-key-hasher.js';
import { RandomApiKeyMinter } from './api-key-minter.js';
import { parseApiKey } from './api-key-format.js';

describe('ApiKeyHasher', () => {
  it('is HMAC-SHA-256 under the pepper, in hex', () => {
    const expected = crypto.createHmac('sha256', 'pepper').update('api-key:secret').digest('hex');
    expect(new ApiKeyHasher('pepper').hash('secret')).toBe(expected);
  });

  it('gives another hash under another pepper', () => {
    expect(new ApiKeyHasher('pepper-a').hash('secret')).not.toBe(new ApiKeyHasher('pepper-b').hash('secret'));
  });

  it('matches the secret it hashed and nothing else', () => {
    const hasher = new ApiKeyHasher('pepper');
    const stored = hasher.hash('secret');
    expect(hasher.matches('secret', stored)).toBe(true);
    expect(hasher.matches('secreT', stored)).toBe(false);
  });

  it('compares hashes with crypto.timingSafeEqual', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      const hasher = new ApiKeyHasher('pepper');
      hasher.matches('secret', hasher.hash('other'));
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('never matches a stored value of another length', () => {
    expect(sameHash('abcd', 'abc')).toBe(false);
    expect(sameHash('abc', '')).toBe(false);
  });
});

describe('RandomApiKeyMinter', () => {
  it('mints a key whose secret, not the whole key, hashes to the stored hash', () => {
    const hasher = new ApiKeyHasher('pepper');
    const minted = new RandomApiKeyMinter(hasher).mint();
    const parts = parseApiKey(minted.apiKey);
    expect(parts?.keyId).toBe(minted.keyId);
    expect(minted.secretHash).toBe(hasher.hash(parts?.secret ?? ''));
    expect(minted.secretHash).not.toContain(parts?.secret);
  });
});
