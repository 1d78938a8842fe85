import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * API key secrets are stored only as HMAC-SHA-256 under a secret pepper: a copy of the table yields
 * no usable key, and without the pepper not even a guess can be checked against it.
 */
export class ApiKeyHasher {
  constructor(private readonly pepper: string) {}

  /** Hex HMAC-SHA-256 of a key's secret (or, for keys not in the gateway's format, the whole key). */
  hash(secret: string): string {
    return createHmac('sha256', this.pepper).update(`api-key:${secret}`).digest('hex');
  }

  /** Whether `secret` hashes to `storedHash`, compared in constant time. */
  matches(secret: string, storedHash: string): boolean {
    return sameHash(this.hash(secret), storedHash);
  }
}

/** Constant-time comparison of two hex hashes; different lengths never match. */
export function sameHash(computed: string, stored: string): boolean {
  const a = Buffer.from(computed, 'utf8');
  const b = Buffer.from(stored, 'utf8');
  // timingSafeEqual throws on different lengths; compare against itself to keep the time flat.
  if (a.length !== b.length) return timingSafeEqual(a, a) && false;
  return timingSafeEqual(a, b);
}
