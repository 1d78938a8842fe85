import { createHash } from 'node:crypto';
import type { AccessRecord } from '../ports/access-ledger.js';

/** The hash a chain starts from: each chain's first entry points at it. */
export const chainGenesisHash = '0'.repeat(64);

/**
 * Tamper evidence for the ledger: each entry's hash covers its own fields and its predecessor's hash,
 * so changing, removing or reordering an entry breaks every hash after it.
 */
export function entryHash(previousHash: string, sequence: number, access: AccessRecord): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(String(sequence))
    .update('\n')
    .update(canonicalJson(access))
    .digest('hex');
}

/** JSON with object keys sorted, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
