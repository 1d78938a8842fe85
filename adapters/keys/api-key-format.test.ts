import { apiKeyPattern, newApiKey, parseApiKey } from './api-key-format.js';

describe('API key format', () => {
  it('makes keys lt_<10-character key id>_<43-character base64url secret>', () => {
    const { apiKey, keyId, secret } = newApiKey();
    expect(apiKey).toBe(`lt_${keyId}_${secret}`);
    expect(keyId).toMatch(/^[a-km-z2-9]{10}$/);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('parses a new key back into its key id and secret', () => {
    const { apiKey, keyId, secret } = newApiKey();
    expect(parseApiKey(apiKey)).toEqual({ keyId, secret });
  });

  it('makes a different key id and secret every time', () => {
    const keys = Array.from({ length: 200 }, () => newApiKey());
    expect(new Set(keys.map((key) => key.keyId)).size).toBe(200);
    expect(new Set(keys.map((key) => key.secret)).size).toBe(200);
  });

  it.each([
    ['a hand-chosen sandbox key', 'sandbox-demo'],
    ['the wrong prefix', `xx_abcdefghij_${'A'.repeat(43)}`],
    ['a short secret', `lt_abcdefghij_${'A'.repeat(42)}`],
    ['a key id with a look-alike letter', `lt_abcdefghil_${'A'.repeat(43)}`],
    ['trailing text', `lt_abcdefghij_${'A'.repeat(43)}x`],
  ])('does not parse %s', (_what, text) => {
    expect(parseApiKey(text)).toBeUndefined();
    expect(apiKeyPattern.test(text)).toBe(false);
  });
});
