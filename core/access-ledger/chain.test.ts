import type { AccessRecord } from '../ports/access-ledger.js';
import { canonicalJson, chainGenesisHash, entryHash } from './chain.js';

const access: AccessRecord = {
  requestId: 'r1',
  recordedAt: '2026-11-27T00:00:00.000Z',
  clientId: 'c',
  keyId: 'k',
  officerId: 'o',
  purpose: 'p',
  operation: 'population:verify',
  subjectKeys: ['s'],
  outcome: 'allowed',
  fieldsDisclosed: [],
};

describe('the ledger hash chain', () => {
  it('hashes the same record the same way whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(access).reverse()) as unknown as AccessRecord;
    expect(entryHash(chainGenesisHash, 1, reordered)).toBe(entryHash(chainGenesisHash, 1, access));
  });

  it('changes the hash when any field, the sequence or the predecessor changes', () => {
    const base = entryHash(chainGenesisHash, 1, access);
    expect(entryHash(chainGenesisHash, 1, { ...access, outcome: 'denied' })).not.toBe(base);
    expect(entryHash(chainGenesisHash, 2, access)).not.toBe(base);
    expect(entryHash('f'.repeat(64), 1, access)).not.toBe(base);
  });

  it('writes canonical JSON with sorted keys and without undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});
